// A few plain C functions over libvips, which Swift can call (libvips's own API is variadic). Each returns 0 on
// success, or -1 with a message in `error` (at most error_size bytes, NUL-terminated).
#ifndef CVIPS_H
#define CVIPS_H
#include <stddef.h>

/// Starts libvips once (later calls do nothing): untrusted loaders (SVG, PDF, …) are blocked, its cache is kept
/// small. Returns -1 when libvips cannot start.
int cvips_start(char *error, size_t error_size);

/// What an image file's header says, without decoding its pixels: its format ("jpeg", "png", "webp" or "tiff";
/// any other format is an error), its size in pixels (of its first page) and how many pages or frames it has.
int cvips_header(const char *path, char *format, size_t format_size, int *width, int *height, int *pages, char *error, size_t error_size);

/// A JPEG of the image fitting inside `box` × `box` pixels (never larger than the image), its EXIF orientation
/// applied, its colour converted to sRGB, and every metadata block stripped. Decoded in a stream (shrunk on load
/// where the format allows). `*bytes` is freed with cvips_free.
int cvips_derivative(const char *path, int box, int quality, unsigned char **bytes, size_t *size, int *width, int *height,
                     char *error, size_t error_size);

/// The same, made from an image already in memory (a smaller rendition made from the display one, so that a large
/// master is decoded once).
int cvips_derivative_of_bytes(const void *image, size_t image_size, int box, int quality, unsigned char **bytes, size_t *size,
                              int *width, int *height, char *error, size_t error_size);

void cvips_free(void *bytes);

#endif
