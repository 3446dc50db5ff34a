"""dmgbuild settings: the app beside a link to /Applications, drag to install.

    dmgbuild -s packaging/macos/dmg_settings.py \
        -D app="dist/UNODC TA Compendium.app" "UNODC TA Compendium" dist/NAME.dmg

dmgbuild runs this file with ``defines`` (the -D values) in scope.
"""

import os.path

application = defines.get("app", "dist/UNODC TA Compendium.app")  # noqa: F821
appname = os.path.basename(application)

format = "UDZO"  # compressed, read-only
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
icon = "resources/icons/app.icns"  # the volume's icon in Finder

window_rect = ((200, 200), (600, 320))
default_view = "icon-view"
show_status_bar = False
show_toolbar = False
icon_size = 128
text_size = 13
icon_locations = {appname: (150, 140), "Applications": (450, 140)}
