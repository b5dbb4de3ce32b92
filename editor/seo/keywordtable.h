#pragma once

#include "model/seo/keywordcheck.h"

#include <QStringList>
#include <QTableWidget>

namespace frontis {

// The SEO keywords against the texts they should appear in: one row per keyword, a ✓ or ✗
// cell per text (green or red), and a warning mark on a keyword that repeats an earlier one,
// exactly or as singular and plural. Sized to show every row, for a panel that scrolls.
class KeywordTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit KeywordTable(QWidget* parent = nullptr);

    // `places` name the texts the findings were checked against, in the same order.
    void setFindings(const QList<KeywordCheck::Finding>& findings, const QStringList& places);
    const QList<KeywordCheck::Finding>& findings() const { return m_findings; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
    int fittingHeight() const;

    QList<KeywordCheck::Finding> m_findings;
    QStringList m_places;
};

} // namespace frontis
