"""The Qt-free core: library and brief models, loading, templating, recommendations, assembly.

Pydantic plugins are switched off before any model is built. Pydantic would otherwise scan
every installed package's metadata for plugins on the first model (about 50 ms of start-up)
and run whatever it found on every validation; this app wants neither.
"""

import os

os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
