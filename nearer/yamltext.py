"""Reading our own YAML files (content, plans, scales, directories).

libyaml's safe loader when PyYAML was built with it: the plans alone took two seconds to
read with the pure-Python loader, on the first request of every web process.
"""

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """Plain data only (a safe loader); errors are ``yaml.YAMLError`` as with ``safe_load``."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (SAFE_LOADER is a safe loader)
