"""Tags the wheel for the platform its binary runs on.

The binary is a fully static Linux executable: it loads no shared library, so
it runs the same on a glibc or a musl system, and needs only a kernel of
3.2 or later (what `file` reports for it). The tag says so, as
scripts/build-wheel.sh works it out: manylinux_2_17 (CentOS 7's kernel is
3.10) and musllinux_1_1, for the binary's architecture. The wheel holds no
Python code, so it suits any Python 3: py3-none.
"""

import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PlatformTagHook(BuildHookInterface):
    def initialize(self, version, build_data):
        platform = os.environ.get("MANIFEST_LINT_WHEEL_PLATFORM")
        if not platform:
            raise RuntimeError("MANIFEST_LINT_WHEEL_PLATFORM is not set: build the wheel with scripts/build-wheel.sh")
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform}"
