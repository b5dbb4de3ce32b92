#include "editor/text/kshighlighter.h"

#include "editor/text/palettemode.h"

#include <QTextDocument>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

namespace frontis {

Q_GLOBAL_STATIC(KSyntaxHighlighting::Repository, sharedRepository)

KSyntaxHighlighting::Repository& KsHighlighter::repository()
{
    return *sharedRepository();
}

KSyntaxHighlighting::Theme KsHighlighter::themeFor(const KSyntaxHighlighting::Repository& repo,
                                                   const QPalette& palette)
{
    const KSyntaxHighlighting::Theme theme = repo.themeForPalette(palette);
    if (theme.isValid())
        return theme;
    return repo.defaultTheme(isDarkPalette(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                                    : KSyntaxHighlighting::Repository::LightTheme);
}

KsHighlighter::KsHighlighter(QTextDocument* document, const QPalette& palette, QObject* parent)
    : KSyntaxHighlighting::SyntaxHighlighter(parent)
{
    setTheme(themeFor(repository(), palette));
    setDefinition(repository().definitionForName(QStringLiteral("Markdown")));
    setDocument(document);
}

void KsHighlighter::setPalette(const QPalette& palette)
{
    const KSyntaxHighlighting::Theme next = themeFor(repository(), palette);
    if (next.name() == theme().name())
        return;
    setTheme(next);
    rehighlight(); // setTheme() alone keeps the old formats on screen
}

QPalette KsHighlighter::editorPalette(const QPalette& palette) const
{
    const KSyntaxHighlighting::Theme t = theme();
    if (!t.isValid())
        return palette;
    QPalette p = palette;
    const QColor background =
        QColor::fromRgba(t.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
    const QColor text = QColor::fromRgba(t.textColor(KSyntaxHighlighting::Theme::Normal));
    const QColor selection =
        QColor::fromRgba(t.editorColor(KSyntaxHighlighting::Theme::TextSelection));
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Base, background);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Highlight, selection);
        p.setColor(group, QPalette::HighlightedText, text);
    }
    return p;
}

} // namespace frontis
