"""Walk Qt's accessibility tree the way a screen reader does, and list the
visible interactive controls that have no name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

#: roles a user acts on (focus, press, type, choose)
INTERACTIVE = {
    QAccessible.Role.PushButton, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox, QAccessible.Role.EditableText, QAccessible.Role.List,
    QAccessible.Role.Tree, QAccessible.Role.Table, QAccessible.Role.PageTab,
    QAccessible.Role.PageTabList, QAccessible.Role.Link, QAccessible.Role.SpinBox,
    QAccessible.Role.Slider, QAccessible.Role.ButtonMenu, QAccessible.Role.ButtonDropDown,
    QAccessible.Role.MenuItem, QAccessible.Role.Document, QAccessible.Role.ColumnHeader,
}
#: item roles inside lists/trees: named by their own text, checked apart
ITEMS = {QAccessible.Role.ListItem, QAccessible.Role.TreeItem, QAccessible.Role.Cell,
         QAccessible.Role.Row}


def walk(iface, depth: int = 0, limit: int = 40, items: bool = False):
    """(interface, depth) of every visible node under `iface`, items included
    only when asked (a results list can hold thousands)."""
    if iface is None or not iface.isValid() or depth > limit:
        return
    state = iface.state()
    if state.invisible:
        return
    yield iface, depth
    if iface.role() in (QAccessible.Role.List, QAccessible.Role.Tree, QAccessible.Role.Table) \
            and not items:
        for i in range(min(iface.childCount(), 12)):   # the column headers come first
            child = iface.child(i)
            if child is not None and child.role() == QAccessible.Role.ColumnHeader:
                yield from walk(child, depth + 1, limit, items)
        return
    for i in range(iface.childCount()):
        yield from walk(iface.child(i), depth + 1, limit, items)


def describe(iface) -> str:
    obj = iface.object()
    where = f"{type(obj).__name__}#{obj.objectName()}" if obj is not None else "-"
    return f"{iface.role().name} {where} {iface.text(QAccessible.Text.Name)!r}"


def unnamed_controls(widget) -> list[str]:
    """Visible interactive controls under `widget` whose accessible name is empty."""
    root = QAccessible.queryAccessibleInterface(widget)
    out = []
    for iface, _depth in walk(root):
        if iface.role() in INTERACTIVE and iface.state().focusable or \
                iface.role() in (QAccessible.Role.PushButton, QAccessible.Role.ComboBox,
                                 QAccessible.Role.EditableText, QAccessible.Role.CheckBox):
            if not meaningful(accessible_name(iface)):
                out.append(describe(iface))
    return out


def accessible_name(iface) -> str:
    """The name a screen reader speaks: the control's own name, or (for a
    combo box, which Qt on Linux names by its value) its label's."""
    if iface.role() == QAccessible.Role.ComboBox:
        for other, _relation in iface.relations(QAccessible.RelationFlag.Label):
            text = other.text(QAccessible.Text.Name)
            if meaningful(text):
                return text
        return ""
    return iface.text(QAccessible.Text.Name)


def meaningful(name: str) -> bool:
    """A name says something: it has a letter (not only «▲», «✕» or «1»)."""
    return any(ch.isalpha() for ch in name)
