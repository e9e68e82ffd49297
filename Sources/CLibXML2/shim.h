#ifndef KB_CLIBXML2_SHIM_H
#define KB_CLIBXML2_SHIM_H
/*
 * Debian's libxml2 is built with ICU, so libxml/encoding.h would include the
 * system's <unicode/ucnv.h>. Swift's Foundation carries its own, newer ICU
 * headers (_FoundationICU), and clang refuses a module that sees both
 * definitions of UErrorCode. kb never touches libxml2's encoding handlers, so
 * the ICU part of those headers is switched off here, before they are read.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

/*
 * libxml2 reports errors through a global, variadic callback
 * (xmlGenericErrorFunc), which Swift cannot implement. These no-op handlers
 * keep libxml2 from printing to stderr; the error itself is still recorded
 * and read back from Swift with xmlGetLastError().
 */
static inline void kb_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void kb_xml_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

/*
 * Initialises libxml2 and installs the no-op handlers on the calling thread
 * and as the default of threads that first use libxml2 later. libxml2 keeps
 * its handlers per thread, so call it on every thread that builds documents
 * (it is cheap).
 */
static inline void kb_xml_install_error_handlers(void) {
    xmlSetGenericErrorFunc(NULL, kb_xml_ignore_generic_error);
    xmlSetStructuredErrorFunc(NULL, kb_xml_ignore_structured_error);
    xmlThrDefSetGenericErrorFunc(NULL, kb_xml_ignore_generic_error);
    xmlThrDefSetStructuredErrorFunc(NULL, kb_xml_ignore_structured_error);
}

/* xmlFree is a global function pointer; a plain function is simpler to call from Swift. */
static inline void kb_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
