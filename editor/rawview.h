#pragma once

#include "model/file/error.h"

#include <QByteArray>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace frontis {

// A file that does not parse: its whole text in an editor with the error's line marked and the
// message above it, so the writer can fix it. Each change is re-parsed after a pause; once the
// text parses, "Apply and Continue" hands it on to the form. Nothing is normalised: untouched, the
// view gives back the original bytes; edited, the text keeps the file's BOM and line breaks.
class RawView : public QWidget
{
    Q_OBJECT

public:
    explicit RawView(QWidget* parent = nullptr);

    void setContent(const QByteArray& bytes, const Error& error);
    // What setContent() got (the file as it was read or last saved).
    const QByteArray& originalBytes() const { return m_original; }
    // What saving from this view writes.
    QByteArray bytes() const;
    // True when the text differs from what setContent() got.
    bool isModified() const;
    // The error of the latest parse, or nullopt when the text parses now.
    const std::optional<Error>& error() const { return m_error; }

    QPlainTextEdit* editor() const { return m_edit; }
    QPushButton* applyButton() const { return m_apply; }
    // Puts the cursor on a 1-based line and column of the file's text and scrolls it into view.
    void goTo(int line, int column);
    // Re-parses now instead of after the pause (tests, before saving).
    void checkNow();

Q_SIGNALS:
    // The writer asked to continue in the form; `bytes` parse.
    void applyRequested(const QByteArray& bytes);
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showError();

    QByteArray m_original;
    QString m_originalText;
    bool m_bom = false;
    bool m_crlf = false;
    bool m_decodable = true;
    std::optional<Error> m_error;
    QLabel* m_message = nullptr;
    QPlainTextEdit* m_edit = nullptr;
    QPushButton* m_apply = nullptr;
    QTimer m_parseTimer;
    bool m_loading = false;
};

} // namespace frontis
