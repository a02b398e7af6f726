// The libvips calls behind include/cvips.h. Files are opened as sources (vips_source_new_from_file), never by
// name with vips_image_new_from_file: that reads "[…]" in a file name as load options.
#include "cvips.h"
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

static int started = 0;

/// libvips's warnings (a damaged file's "read gave 77 warnings") would reach stderr through GLib's log; what
/// matters reaches the caller as the call's error instead.
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}
static GMutex start_lock;

static int fail(char *error, size_t error_size, const char *what) {
    const char *said = vips_error_buffer();
    snprintf(error, error_size, "%s%s%s", what, said && *said ? ": " : "", said ? said : "");
    // libvips's message ends with a new line; one line is wanted.
    size_t length = strlen(error);
    while (length > 0 && (error[length - 1] == '\n' || error[length - 1] == ' ')) error[--length] = 0;
    vips_error_clear();
    return -1;
}

int cvips_start(char *error, size_t error_size) {
    g_mutex_lock(&start_lock);
    if (!started) {
        if (VIPS_INIT("archive")) {
            g_mutex_unlock(&start_lock);
            return fail(error, error_size, "libvips did not start");
        }
        g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet, NULL);
        vips_block_untrusted_set(TRUE);
        vips_cache_set_max(0);
        vips_concurrency_set(1);
        started = 1;
    }
    g_mutex_unlock(&start_lock);
    return 0;
}

/// The format a loader reads, by its nickname, or NULL for a format the archive does not take.
static const char *format_of(const char *loader) {
    if (!loader) return NULL;
    if (strncmp(loader, "jpegload", 8) == 0) return "jpeg";
    if (strncmp(loader, "pngload", 7) == 0) return "png";
    if (strncmp(loader, "webpload", 8) == 0) return "webp";
    if (strncmp(loader, "tiffload", 8) == 0) return "tiff";
    return NULL;
}

static const char *format_of_source(VipsSource *source) {
    const char *class_name = vips_foreign_find_load_source(source);
    if (!class_name) return NULL;
    VipsObjectClass *class = VIPS_OBJECT_CLASS(g_type_class_ref(g_type_from_name(class_name)));
    return class ? format_of(class->nickname) : NULL;
}

int cvips_header(const char *path, char *format, size_t format_size, int *width, int *height, int *pages, char *error, size_t error_size) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return fail(error, error_size, "cannot be read");
    const char *found = format_of_source(source);
    if (!found) {
        vips_error_clear();
        g_object_unref(source);
        snprintf(error, error_size, "is not a JPEG, PNG, WebP or TIFF image");
        return -1;
    }
    VipsImage *image = vips_image_new_from_source(source, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    g_object_unref(source);
    if (!image) return fail(error, error_size, "is not a readable image");
    snprintf(format, format_size, "%s", found);
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    *pages = vips_image_get_n_pages(image);
    g_object_unref(image);
    return 0;
}

/// Flattens `image` on white where it has alpha, writes it as a stripped progressive JPEG; takes the image.
static int save_jpeg(VipsImage *image, int quality, unsigned char **bytes, size_t *size, int *width, int *height,
                     char *error, size_t error_size) {
    // A JPEG has no alpha: a transparent PNG is flattened onto white, as it shows on a page.
    VipsImage *flat = NULL;
    if (vips_image_hasalpha(image)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int failed = vips_flatten(image, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        g_object_unref(image);
        if (failed) return fail(error, error_size, "could not be flattened");
    } else {
        flat = image;
    }
    void *buffer = NULL;
    size_t length = 0;
    int failed = vips_jpegsave_buffer(flat, &buffer, &length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                      "interlace", TRUE, NULL);
    *width = vips_image_get_width(flat);
    *height = vips_image_get_height(flat);
    g_object_unref(flat);
    if (failed) return fail(error, error_size, "could not be written as JPEG");
    *bytes = buffer;
    *size = length;
    return 0;
}

int cvips_derivative(const char *path, int box, int quality, unsigned char **bytes, size_t *size, int *width, int *height,
                     char *error, size_t error_size) {
    VipsSource *source = vips_source_new_from_file(path);
    if (!source) return fail(error, error_size, "cannot be read");
    VipsImage *thumbnail = NULL;
    // vips_thumbnail applies the EXIF orientation and exports sRGB by default; fail_on=error refuses a truncated
    // or corrupt file rather than making a grey picture of it.
    int failed = vips_thumbnail_source(source, &thumbnail, box, "height", box, "size", VIPS_SIZE_DOWN,
                                       "option_string", "fail_on=error", NULL);
    g_object_unref(source);
    if (failed) return fail(error, error_size, "could not be read as an image");
    return save_jpeg(thumbnail, quality, bytes, size, width, height, error, error_size);
}

int cvips_derivative_of_bytes(const void *image, size_t image_size, int box, int quality, unsigned char **bytes, size_t *size,
                              int *width, int *height, char *error, size_t error_size) {
    VipsImage *thumbnail = NULL;
    if (vips_thumbnail_buffer((void *)image, image_size, &thumbnail, box, "height", box, "size", VIPS_SIZE_DOWN, NULL)) {
        return fail(error, error_size, "could not be shrunk");
    }
    return save_jpeg(thumbnail, quality, bytes, size, width, height, error, error_size);
}

void cvips_free(void *bytes) { g_free(bytes); }
