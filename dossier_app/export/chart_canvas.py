"""The drawing surface every chart shares: a private Agg figure (never pyplot), the Vietnamese font, the palette."""

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave

# DejaVu Sans ships inside matplotlib and covers every Vietnamese letter; naming it keeps a user's matplotlibrc out.
FONT = "DejaVu Sans"
BASE_SIZE = 9.0

PLANNED = "#9ecae1"
PLANNED_EDGE = "#3182bd"
ACTUAL = "#1b5e20"
OVERDUE = "#d62728"
AT_RISK = "#f0a202"
BASELINE = "#bdbdbd"
TODAY = "#6a1b9a"
NOT_AFTER = "#b71c1c"
NOT_BEFORE = "#0d47a1"
MUTED = "#757575"
GRID = "#e0e0e0"
# A light-to-dark ramp for the register steps: the further a party went, the darker its segment.
STEP_RAMP = ("#eeeeee", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
PAIR = ("#9ecae1", "#08519c")
NO_STAMP: dict[str, Any] = {"Software": None}  # PNG text matplotlib would add (its version); None leaves it out


def new_figure(width_in: float, height_in: float, dpi: int) -> Figure:
    """A figure of its own on an Agg canvas: no global state, so any thread may draw at the same time."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_facecolor("white")
    return figure


def png_bytes(figure: Figure, dpi: int) -> bytes:
    """The figure as PNG, drawn once: `savefig` draws a figure with a layout engine twice (a dry run to place the
    axes, then the picture), this draws the picture, laying it out on the way. The software stamp is left out so the
    same input gives the same bytes."""
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg) and figure.dpi == dpi, "a figure of new_figure, saved at its own dpi"
    canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib leaves the Agg canvas untyped
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    buffer = io.BytesIO()
    imsave(buffer, pixels, format="png", origin="upper", dpi=dpi, metadata=NO_STAMP)
    return buffer.getvalue()
