#pragma once

#include "model/seo/searchsnippet.h"

#include <QFont>
#include <QWidget>

class QFrame;
class QLabel;

namespace frontis {

// A search engine's result for the article, as a writer needs to see it: the breadcrumb made of
// the site's address and the page's URL, the SEO title as the blue link line and the page
// description as the snippet, each cut where the engine cuts it. What is cut off stays visible,
// struck through and greyed after the " …" the engine shows, so the writer sees what is lost.
class SearchPreview : public QWidget
{
    Q_OBJECT

public:
    explicit SearchPreview(QWidget* parent = nullptr);

    // Shows the result for these values (whitespace is simplified as the engine does).
    void setResult(const QString& title, const QString& description, const QString& baseUrl,
                   const QString& url);

    // The font results pages set titles in. Assumption: Google's desktop results use Arial at
    // 20 px for titles (and cut them near 600 px of it); Liberation Sans and Arimo have Arial's
    // widths, so they stand in where Arial is missing, then any sans-serif.
    static QFont titleFont();
    // The breadcrumb's and snippet's font: the same family at 14 px.
    static QFont textFont();
    // True when titleFont() resolves to a font with Arial's widths, so cuts are measured as the
    // engine measures them (elsewhere they are an estimate, and the preview says so).
    static bool hasArialMetrics();

    const SearchSnippet::Cut& titleCut() const { return m_titleCut; }
    const SearchSnippet::Cut& descriptionCut() const { return m_descriptionCut; }
    // The full title's width in titleFont(), in pixels.
    double titleWidth() const { return m_titleWidth; }
    QString breadcrumb() const { return m_breadcrumbText; }

    QLabel* titleLabel() const { return m_title; }
    QLabel* descriptionLabel() const { return m_description; }
    QLabel* breadcrumbLabel() const { return m_breadcrumb; }
    // The line under the result that says how long the title and description are.
    QLabel* measureLabel() const { return m_measure; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QString m_titleText;
    QString m_descriptionText;
    QString m_breadcrumbText;
    SearchSnippet::Cut m_titleCut;
    SearchSnippet::Cut m_descriptionCut;
    double m_titleWidth = 0;

    QFrame* m_card = nullptr;
    QLabel* m_breadcrumb = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_measure = nullptr;
    QLabel* m_fontNote = nullptr;
};

} // namespace frontis
