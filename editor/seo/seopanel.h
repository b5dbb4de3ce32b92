#pragma once

#include "model/seo/seofields.h"

#include <QScrollArea>
#include <QTimer>

#include <functional>

class QLabel;
class QLineEdit;

namespace frontis {

class KeywordTable;
class SearchPreview;

// The writing aids for search engines, in one scrolling panel: the search result preview
// (SearchPreview), the site's base URL it uses, and where each SEO keyword appears
// (KeywordTable). It reads the article through a source function when it is shown and after
// changes, coalesced, so a hidden panel costs nothing while the writer types.
//
// The base URL is the "seo/baseUrl" setting when set (the line edit in the panel), else the
// schema's `site.base_url`; without either, the breadcrumb shows the URL's path only.
class SeoPanel : public QScrollArea
{
    Q_OBJECT

public:
    using Source = std::function<SeoFields()>;

    explicit SeoPanel(QWidget* parent = nullptr);

    void setSource(Source source);
    // The article changed: the panel updates after a short pause, or when it is next shown.
    void sourceChanged();
    // Updates now from the source.
    void refresh();

    // The base URL in use: the setting, else the schema's.
    QString baseUrl() const;
    static QString settingsKey() { return QStringLiteral("seo/baseUrl"); }

    SearchPreview* searchPreview() const { return m_preview; }
    KeywordTable* keywordTable() const { return m_table; }
    QLineEdit* baseUrlEdit() const { return m_baseUrl; }
    // The line above the table: how many keywords appear where.
    QLabel* keywordSummary() const { return m_summary; }

    static constexpr int UpdateDelayMs = 150;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void baseUrlEdited(const QString& text);
    void showFields();
    void followPalette();

    Source m_source;
    SeoFields m_fields;
    bool m_stale = true;
    QTimer m_timer;

    SearchPreview* m_preview = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_legend = nullptr;
    KeywordTable* m_table = nullptr;
};

} // namespace frontis
