#include "model/text/cmarkapi.h"

namespace frontis::cmarkapi {

QString libraryName()
{
#if FRONTIS_HAVE_GFM
    return QStringLiteral("cmark-gfm ") + QString::fromLatin1(cmark_version_string());
#else
    return QStringLiteral("cmark ") + QString::fromLatin1(cmark_version_string());
#endif
}

Parsed::Parsed(const QByteArray& utf8, int options, bool gfm) : m_options(options)
{
    m_parser = cmark_parser_new(options);
#if FRONTIS_HAVE_GFM
    if (gfm) {
        cmark_gfm_core_extensions_ensure_registered();
        for (const char* name : {"table", "strikethrough", "tasklist", "autolink"}) {
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(m_parser, ext);
        }
    }
#else
    Q_UNUSED(gfm)
#endif
    cmark_parser_feed(m_parser, utf8.constData(), size_t(utf8.size()));
    m_root = cmark_parser_finish(m_parser);
}

Parsed::~Parsed()
{
    if (m_root)
        cmark_node_free(m_root);
    cmark_parser_free(m_parser);
}

QString Parsed::html(cmark_node* node) const
{
#if FRONTIS_HAVE_GFM
    char* html = cmark_render_html(node, m_options, cmark_parser_get_syntax_extensions(m_parser));
#else
    char* html = cmark_render_html(node, m_options);
#endif
    if (!html)
        return {};
    const QString result = QString::fromUtf8(html);
    cmark_get_default_mem_allocator()->free(html);
    return result;
}

} // namespace frontis::cmarkapi
