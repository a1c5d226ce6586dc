// Debian's libxml2 is built with ICU, and libxml/encoding.h then includes the system ICU headers.
// Foundation on Linux carries its own ICU module, and a clean build that sees both fails with
// "'UErrorCode' has different definitions in different modules". Hiding the ICU part of libxml2's
// headers avoids the clash; the only casualty is the ICU fields of xmlCharEncodingHandler, which
// Remit never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
