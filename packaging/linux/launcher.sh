#!/bin/sh
# /usr/bin/autoglm-console: the frozen app installed by the autoglm-console .deb under /opt.
exec /opt/autoglm-console/autoglm-console "$@"
