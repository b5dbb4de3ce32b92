#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;
class QToolButton;

namespace frontis {

// The bar above the Articles list that offers, once per folder, "Create a schema from these N
// articles" (issue 18): shown when the folder has no `.frontis/schemas/` and its articles are
// checked against the generic schema (no types, nothing required) or plainly do not fit the
// schema they get (most of them have errors, as CloudCannon sites that write `_schema: default`
// for their own schemas do against QuickTakes). Create infers the schema from the folder's
// articles (SchemaInference), shows it, and writes `.frontis/schemas/default.yml` only when the
// writer accepts (FolderPrompts::confirmSchema); the folder is then checked again against it.
// "Not now" hides the bar for that folder for good.
class SchemaOffer : public QFrame
{
    Q_OBJECT

public:
    explicit SchemaOffer(QWidget* parent = nullptr);

    // Shows or hides the bar for the open folder's index as it is now.
    void update();
    // Infers, asks and writes; false when the writer declined or nothing could be written.
    bool create();

    QLabel* label() const { return m_label; }
    QPushButton* createButton() const { return m_create; }
    QToolButton* dismissButton() const { return m_dismiss; }

    // How the folder's articles fit the schemas they get.
    struct Fit
    {
        int articles = 0;
        int generic = 0;         // checked against the generic schema
        int otherWithErrors = 0; // of the others, those with errors
    };
    // Whether the folder at `root` should be offered a schema (ignoring "Not now"): most of its
    // articles are on the generic schema, or most of the others fail theirs.
    static bool folderWants(const QString& root, const Fit& fit);

private:
    void dismiss();

    QLabel* m_label = nullptr;
    QPushButton* m_create = nullptr;
    QToolButton* m_dismiss = nullptr;
    QString m_root; // the folder the bar speaks of
};

} // namespace frontis
