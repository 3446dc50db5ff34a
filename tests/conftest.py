"""Test-wide setup: offscreen Qt before any QApplication exists, and the
application-data folder (user data, the log file) in a scratch folder so no
test, nor any app it starts, writes into the real one."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="compendium-test-data-")

pytest_plugins = ["tests.helpers.fixtures"]
