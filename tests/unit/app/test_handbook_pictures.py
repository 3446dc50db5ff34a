"""The handbook's pictures are made by the app itself: the script makes every
picture the handbook shows, at the committed size, small, and not blank."""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop import handbook
from desktop.app.handbook_pictures import PICTURE_SIZE, make_pictures


def test_the_script_makes_every_picture_the_handbook_shows(app, content_db_path, tmp_path):
    made = make_pictures(tmp_path, content_db_path)
    committed = {p.name for p in (handbook.folder() / "images").glob("*.png")}
    assert {p.name for p in made} == committed
    for path in made:
        image = QImage(str(path))
        assert (image.width(), image.height()) == PICTURE_SIZE
        assert path.stat().st_size < 100_000
        # a real screenshot: many colours (Arabic text, tints), not an empty grey window
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 20, path.name
