#pragma once

#include <QObject>
#include <QPalette>

class QSyntaxHighlighter;
class QTextDocument;

namespace frontis {

class BuiltinHighlighter;
class KsHighlighter;

// Markdown syntax highlighting for a source document, the one interface the window sees.
// Behind it: KSyntaxHighlighting's Markdown definition and a theme that follows the palette
// when the build has KF6 (usesKSyntaxHighlighting()), else BuiltinHighlighter.
//
// The object is a child of the document: it lives as long as the document unless deleted first.
class MarkdownHighlighter : public QObject
{
    Q_OBJECT

public:
    // Starts highlighting `document` with colours for `palette` (light or dark).
    static MarkdownHighlighter* attach(QTextDocument* document, const QPalette& palette);
    // True when this build highlights with KSyntaxHighlighting (About box, tests).
    static bool usesKSyntaxHighlighting();
    // "KSyntaxHighlighting 6.13" or "built-in": for the About box and bug reports.
    static QString backendName();

    // Follows a light/dark switch: new colours, whole document rehighlighted.
    void setPalette(const QPalette& palette);
    // The palette the editor should use with these colours: the theme's background, text and
    // selection colours on top of `palette` (unchanged for the built-in highlighter).
    QPalette editorPalette(const QPalette& palette) const;
    // The QSyntaxHighlighter doing the work (tests, forcing a rehighlight).
    QSyntaxHighlighter* highlighter() const;

private:
    MarkdownHighlighter(QTextDocument* document, const QPalette& palette);

    BuiltinHighlighter* m_builtin = nullptr;
    KsHighlighter* m_ks = nullptr; // only with FRONTIS_HAVE_KSH
};

} // namespace frontis
