// zlib for gzip streams and the raw deflate data inside .zip archives, reached through RemitWatch/Zlib.swift.
#include <zlib.h>
