// The history's steps keep only the bytes a change replaced, and still give back every state
// exactly: undo, redo, typing bursts merged into one step, for a document of a megabyte.
#include "editor/documentcommand.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using frontis::DocumentCommand;

class TestDocumentCommand : public QObject
{
    Q_OBJECT

private:
    QByteArray m_doc; // the "document": what the commands read and set
    QUndoStack m_stack;

    // Changes the document to `after` and records the step, as ArticleEditor::pushEdit does.
    void edit(const QByteArray& after, const QString& source = u"answer"_s)
    {
        const QByteArray before = m_doc;
        m_doc = after;
        m_stack.push(new DocumentCommand(
            u"Edit"_s, source, before, after, [this](const QByteArray& b) { m_doc = b; },
            [this] { return m_doc; }));
    }

    const DocumentCommand* top() const
    {
        return static_cast<const DocumentCommand*>(m_stack.command(m_stack.index() - 1));
    }

private Q_SLOTS:
    void init()
    {
        m_stack.clear();
        m_doc = "---\nanswer: >-\n    " + QByteArray(1024 * 1024, 'a') + "\nscore: 1\n---\n";
    }

    void stepsKeepOnlyWhatChanged()
    {
        const QByteArray original = m_doc;
        QByteArray typed = m_doc;
        typed.insert(500000, "xyz");
        edit(typed);
        QCOMPARE(top()->storedBytes(), 3);
        QByteArray form = typed;
        form.replace("score: 1", "score: 2");
        edit(form, u"field:score"_s);
        QCOMPARE(m_stack.count(), 2);
        QVERIFY(top()->storedBytes() <= 2);

        m_stack.undo();
        QCOMPARE(m_doc, typed);
        m_stack.undo();
        QCOMPARE(m_doc, original);
        m_stack.redo();
        QCOMPARE(m_doc, typed);
        m_stack.redo();
        QCOMPARE(m_doc, form);
    }

    void typingMergesIntoOneStep()
    {
        const QByteArray original = m_doc;
        QByteArray text = m_doc;
        for (int i = 0; i < 20; ++i) {
            text.insert(300000 + i, "k");
            edit(text);
        }
        QCOMPARE(m_stack.count(), 1);
        QCOMPARE(top()->storedBytes(), 20);
        m_stack.undo();
        QCOMPARE(m_doc, original);
        m_stack.redo();
        QCOMPARE(m_doc, text);
    }

    // Edits anywhere in the text, one burst: each merge combines the two changes without the
    // whole text, and the one step still gives back both ends exactly.
    void scatteredEditsMergeExactly()
    {
        QRandomGenerator rng(7);
        m_doc = "---\nanswer: >-\n    " + QByteArray(4000, 'a') + "\nscore: 1\n---\n";
        for (qsizetype i = 0; i < m_doc.size(); i += 7)
            m_doc[i] = char('a' + i % 26); // so that moved text does not look unchanged
        const QByteArray original = m_doc;
        QByteArray text = m_doc;
        QList<QByteArray> states;
        for (int i = 0; i < 300; ++i) {
            const qsizetype at = rng.bounded(text.size());
            const qsizetype len = qMin<qsizetype>(rng.bounded(6), text.size() - at);
            switch (rng.bounded(3)) {
            case 0:
                text.insert(at, QByteArray(1 + rng.bounded(4), char('A' + rng.bounded(26))));
                break;
            case 1:
                text.remove(at, len);
                break;
            default:
                text.replace(at, len, QByteArray(rng.bounded(4), char('0' + rng.bounded(10))));
            }
            edit(text);
            QCOMPARE(m_stack.count(), 1);
        }
        // As small as a step made from the two ends at once: the bytes between the longest
        // common start and end.
        const qsizetype common = qMin(original.size(), text.size());
        qsizetype same = 0;
        while (same < common && original[same] == text[same])
            ++same;
        for (qsizetype i = 1; same < common && original.end()[-i] == text.end()[-i]; ++i)
            ++same;
        QCOMPARE(top()->storedBytes(), original.size() + text.size() - 2 * same);
        m_stack.undo();
        QCOMPARE(m_doc, original);
        m_stack.redo();
        QCOMPARE(m_doc, text);
    }

    void typingBackLeavesNothing()
    {
        QByteArray text = m_doc;
        text.insert(10, "ab");
        edit(text);
        text.remove(10, 2);
        edit(text);
        QCOMPARE(m_stack.count(), 0); // the merged step was obsolete
    }

    void stepsThatDoNotFollowStayApart()
    {
        QByteArray text = m_doc;
        text.insert(10, "a");
        edit(text);
        // Something changed the document without a step (never done in the application): the
        // next step does not follow this one, so it is not merged into it.
        m_doc.replace(0, 3, "+++");
        QByteArray next = m_doc;
        next.insert(20, "b");
        edit(next);
        QCOMPARE(m_stack.count(), 2);
        // And undoing a step the document is not where it left refuses rather than corrupts.
        m_doc = "unrelated";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not where this step left it"_s));
        m_stack.undo();
        QCOMPARE(m_doc, QByteArray("unrelated"));
    }
};

QTEST_MAIN(TestDocumentCommand)
#include "tst_documentcommand.moc"
