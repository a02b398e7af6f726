// libvips (Debian: libvips-dev), for CVips's C to build on. Swift never imports it: its API is variadic.
#include <vips/vips.h>
