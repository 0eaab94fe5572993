"""The window and its parts (PySide6).

On its first import PySide6 puts a hook in front of every later `import`, which reads each new
module's source (`inspect.getsource`) to see whether it mentions PySide6, for the opt-in
`from __feature__ import snake_case` syntax. The app uses no such feature, and the reading
costs every start some 30 ms of CPU (pydantic and the panels' modules load after Qt) and the
first preview more (ReportLab). So the hook is taken out here, keeping the import it wraps.
"""

import builtins

import PySide6.QtCore  # noqa: F401 (puts the hook in place, so it can be taken out)

builtins.__import__ = getattr(builtins, "__orig_import__", builtins.__import__)
