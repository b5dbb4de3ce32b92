#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace frontis {

// Review Changes: the unified diff that saving would write, in a monospace view with added and
// removed lines coloured.
class DiffDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DiffDialog(QWidget* parent = nullptr);

    // An empty diff shows "No changes".
    void setDiff(const QString& diff);
    const QString& diff() const { return m_diff; }
    QPlainTextEdit* view() const { return m_view; }

    // Shows `diff` in `view` with added, removed and hunk lines coloured for `view`'s palette
    // (the folder change review uses it too).
    static void showDiff(QPlainTextEdit* view, const QString& diff);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    QString m_diff;
    QPlainTextEdit* m_view = nullptr;
};

} // namespace frontis
