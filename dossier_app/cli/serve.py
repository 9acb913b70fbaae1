"""`serve`: the department server over the database given with --db; `serve --init-tls DIR` makes its certificate."""

import argparse

from dossier_app.cli.outcomes import EXIT_OK

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8470  # as dossier_app.server.serving, without importing it here


def add_serve_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`serve [--host H] [--port N] [--tls-dir DIR]` and `serve --init-tls DIR`."""
    serve = commands.add_parser(
        "serve",
        help="run the department server (HTTP API) over --db; plain HTTP on a loopback address only, else --tls-dir",
    )
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--tls-dir", metavar="DIR", help="serve HTTPS with DIR/cert.pem and DIR/key.pem")
    serve.add_argument(
        "--init-tls",
        metavar="DIR",
        help="write a new self-signed certificate and key into DIR, print its SHA-256 fingerprint and exit",
    )
    serve.set_defaults(offline=cmd_serve)  # opens the database itself, after checking its options


def cmd_serve(args: argparse.Namespace) -> int:
    """Make the certificate, or check the options, open the database and serve until stopped."""
    from dossier_app.server.serving import require_tls_off_loopback, serve
    from dossier_app.server.tls import TlsPair, init_tls

    if args.init_tls:
        fingerprint = init_tls(args.init_tls)
        print(f"Đã tạo chứng thư / certificate written: {TlsPair.in_directory(args.init_tls).certificate}")
        print(f"SHA-256 fingerprint: {fingerprint}")
        return EXIT_OK
    tls = TlsPair.in_directory(args.tls_dir).require() if args.tls_dir else None
    require_tls_off_loopback(args.host, tls)
    from dossier_app.services import open_services
    from dossier_app.services.core.context import Operator, os_account

    services = open_services(args.db, Operator(f"server:{os_account()}"))
    try:
        from dossier_app.server.serving import configure_logging

        configure_logging()

        def announce(address: str) -> None:
            print(f"Máy chủ đang chạy / serving at {address} — {services.database.display_location}", flush=True)
            if tls is not None:
                print(f"SHA-256 fingerprint: {tls.fingerprint()}", flush=True)

        serve(services, args.host, args.port, tls, announce)
        print("Máy chủ đã dừng / server stopped", flush=True)
        return EXIT_OK
    finally:
        services.close()
