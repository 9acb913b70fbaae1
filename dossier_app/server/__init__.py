"""The department server (`main.py serve`): an HTTP API over the services, acting as the person whose session
token signs each request. An adapter like the command line: it imports services, never Qt or the UI."""
