#include "editor/text/markdownhighlighter.h"

#include "editor/text/builtinhighlighter.h"

#include <QTextDocument>

#if FRONTIS_HAVE_KSH
#include "editor/text/kshighlighter.h"

#include <ksyntaxhighlighting_version.h>
#endif

namespace frontis {

MarkdownHighlighter* MarkdownHighlighter::attach(QTextDocument* document, const QPalette& palette)
{
    return new MarkdownHighlighter(document, palette);
}

MarkdownHighlighter::MarkdownHighlighter(QTextDocument* document, const QPalette& palette)
    : QObject(document)
{
    // The highlighter is our child, not the document's: deleting this object stops highlighting.
#if FRONTIS_HAVE_KSH
    m_ks = new KsHighlighter(document, palette, this);
#else
    m_builtin = new BuiltinHighlighter(this);
    m_builtin->setPalette(palette);
    m_builtin->setDocument(document);
#endif
}

bool MarkdownHighlighter::usesKSyntaxHighlighting()
{
#if FRONTIS_HAVE_KSH
    return true;
#else
    return false;
#endif
}

QString MarkdownHighlighter::backendName()
{
#if FRONTIS_HAVE_KSH
    return QStringLiteral("KSyntaxHighlighting " KSYNTAXHIGHLIGHTING_VERSION_STRING);
#else
    return tr("built-in");
#endif
}

void MarkdownHighlighter::setPalette(const QPalette& palette)
{
#if FRONTIS_HAVE_KSH
    if (m_ks)
        m_ks->setPalette(palette);
#endif
    if (m_builtin)
        m_builtin->setPalette(palette);
}

QPalette MarkdownHighlighter::editorPalette(const QPalette& palette) const
{
#if FRONTIS_HAVE_KSH
    if (m_ks)
        return m_ks->editorPalette(palette);
#endif
    return palette;
}

QSyntaxHighlighter* MarkdownHighlighter::highlighter() const
{
#if FRONTIS_HAVE_KSH
    if (m_ks)
        return m_ks;
#endif
    return m_builtin;
}

} // namespace frontis
