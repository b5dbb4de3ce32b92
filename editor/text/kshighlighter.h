#pragma once

#include <QPalette>

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace KSyntaxHighlighting {
class Repository;
}

namespace frontis {

// KSyntaxHighlighting's "Markdown" definition on a document, with the theme that best matches a
// palette (light or dark). Only built with KF6; MarkdownHighlighter picks it when present.
class KsHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    // Sets the definition and theme and only then the document, so the text is highlighted once.
    KsHighlighter(QTextDocument* document, const QPalette& palette, QObject* parent = nullptr);

    // Picks the theme for `palette` again and rehighlights when it changed.
    void setPalette(const QPalette& palette);
    // `palette` with Base, Text and the selection colours of the current theme, so that the
    // editor's background matches the colours the theme chose its text colours for.
    QPalette editorPalette(const QPalette& palette) const;

    // The application's one repository (loading definitions is costly), created on first use.
    // GUI thread only: the preview's worker threads use their own (see CodeBlockHighlighter).
    static KSyntaxHighlighting::Repository& repository();
    // The theme that fits `palette`: the repository's choice, else its default light or dark.
    static KSyntaxHighlighting::Theme themeFor(const KSyntaxHighlighting::Repository& repository,
                                               const QPalette& palette);
};

} // namespace frontis
