# A setup.py declaring dependencies: only moving VCS refs and unhashed URLs are reported, ranges are normal in library metadata.
from setuptools import setup

setup(
    name="demo",
    install_requires=[
        "numpy>=1.24",
        "torch",
        # expect: unpinned-setup-py-requirement
        "mylib @ git+https://github.com/org/mylib@main",
        # ok: unpinned-setup-py-requirement
        "pinned @ git+https://github.com/org/pinned@0123456789abcdef0123456789abcdef01234567",
        # expect: unpinned-setup-py-requirement
        "wheel @ https://example.com/pkgs/wheel-1.0.tar.gz",
        # ok: unpinned-setup-py-requirement
        "hashed @ https://example.com/pkgs/hashed-1.0.tar.gz#sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        EXTRA_DEP,
    ],
    extras_require={
        "dev": [
            "pytest>=8",
            # expect: unpinned-setup-py-requirement
            "tool @ git+https://github.com/org/tool",
        ],
    },
)

import distutils.core

distutils.core.setup(
    name="old",
    # expect: unpinned-setup-py-requirement
    install_requires=["legacy @ git+https://github.com/org/legacy@v1.2"],
)


def not_setuptools(**kw):
    pass


# ok: unpinned-setup-py-requirement
not_setuptools(install_requires=["x @ git+https://github.com/org/x@main"])
