#pragma once

// Makes synthetic QuickTakes content folders for tests and benchmarks: N articles in the exact
// format of the seed article, spread over one folder per subject, with a fixed share that breaks
// the quicktakes schema's rules in known ways. Given N and a seed the folder is the same bytes
// every time, and the returned plan says exactly which problems were planted where.

#include "model/schema/template.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>

namespace frontis::testing {

struct GeneratedFolder
{
    QString root;
    QStringList files; // absolute paths, in the order they were made
    int articles = 0;
    // Pairs of files sharing one id (the second took the first's id): an error on each.
    QList<QPair<QString, QString>> duplicateIds;
    QStringList longDescriptions; // seo.page_description over 160 characters: one warning each
    QStringList missingAuthor;    // no `author:` line: one error each
    QStringList missingScore;     // no `score:` line: one error each
    QHash<QString, int> subjectCounts;
    QHash<QString, QString> subjectFolders; // subject -> the folder most of its articles are in
    qint64 highestId = 0;

    int expectedErrors() const
    {
        return int(duplicateIds.size()) * 2 + int(missingAuthor.size() + missingScore.size());
    }
    int expectedWarnings() const { return int(longDescriptions.size()); }
    // Articles with at least one error or warning (each planted problem is on its own article).
    int problemArticles() const { return expectedErrors() + expectedWarnings(); }
};

namespace generator {

// Subjects the quicktakes schema lists (others are reported as info).
inline const QStringList& subjects()
{
    static const QStringList list = {
        QStringLiteral("Computer Science"), QStringLiteral("Biology"),
        QStringLiteral("History"),          QStringLiteral("Economics"),
        QStringLiteral("Physics"),          QStringLiteral("Psychology"),
        QStringLiteral("Mathematics"),      QStringLiteral("Chemistry")};
    return list;
}

inline const QStringList& topics()
{
    static const QStringList list = {QStringLiteral("neural networks"),
                                     QStringLiteral("cell division"),
                                     QStringLiteral("trade routes"),
                                     QStringLiteral("inflation"),
                                     QStringLiteral("quantum tunnelling"),
                                     QStringLiteral("working memory"),
                                     QStringLiteral("prime numbers"),
                                     QStringLiteral("perspective drawing"),
                                     QStringLiteral("compilers"),
                                     QStringLiteral("gene expression"),
                                     QStringLiteral("city states"),
                                     QStringLiteral("interest rates"),
                                     QStringLiteral("thermodynamics"),
                                     QStringLiteral("habit formation"),
                                     QStringLiteral("graph theory"),
                                     QStringLiteral("fresco painting"),
                                     QStringLiteral("operating systems"),
                                     QStringLiteral("photosynthesis"),
                                     QStringLiteral("the printing press"),
                                     QStringLiteral("supply chains"),
                                     QStringLiteral("electromagnetism"),
                                     QStringLiteral("sleep"),
                                     QStringLiteral("probability"),
                                     QStringLiteral("impressionism"),
                                     QStringLiteral("databases"),
                                     QStringLiteral("evolution"),
                                     QStringLiteral("the silk road"),
                                     QStringLiteral("labour markets"),
                                     QStringLiteral("optics"),
                                     QStringLiteral("motivation"),
                                     QStringLiteral("linear algebra"),
                                     QStringLiteral("sculpture"),
                                     QStringLiteral("cryptography"),
                                     QStringLiteral("ecosystems"),
                                     QStringLiteral("ancient navigation"),
                                     QStringLiteral("central banks"),
                                     QStringLiteral("relativity"),
                                     QStringLiteral("language learning"),
                                     QStringLiteral("calculus"),
                                     QStringLiteral("architecture")};
    return list;
}

inline const QStringList& aspects()
{
    static const QStringList list = {
        QStringLiteral("research"),        QStringLiteral("everyday life"),
        QStringLiteral("education"),       QStringLiteral("public policy"),
        QStringLiteral("modern industry"), QStringLiteral("small businesses"),
        QStringLiteral("healthcare"),      QStringLiteral("climate science"),
        QStringLiteral("space travel"),    QStringLiteral("agriculture"),
        QStringLiteral("the arts"),        QStringLiteral("sports"),
        QStringLiteral("transport"),       QStringLiteral("communication"),
        QStringLiteral("engineering"),     QStringLiteral("urban planning"),
        QStringLiteral("finance"),         QStringLiteral("manufacturing"),
        QStringLiteral("journalism"),      QStringLiteral("law")};
    return list;
}

inline const QStringList& openings()
{
    static const QStringList list = {
        QStringLiteral("How has %1 influenced %2?"),
        QStringLiteral("Why does %1 matter for %2?"),
        QStringLiteral("What role does %1 play in %2?"),
        QStringLiteral("How is %1 used in %2 today?"),
        QStringLiteral("What are the limits of %1 in %2?"),
        QStringLiteral("How could %1 change %2 in the next decade?"),
        QStringLiteral("What do beginners misunderstand about %1 in %2?"),
        QStringLiteral("Which ideas from %1 shaped %2?")};
    return list;
}

inline QString pick(QRandomGenerator& rng, const QStringList& list)
{
    return list.at(int(rng.bounded(quint32(list.size()))));
}

// One folded line of the seed format: "key: >-", then the value indented.
inline QString folded(const QString& key, const QString& value, int keyIndent = 0)
{
    return QString(keyIndent, QLatin1Char(' ')) + key + QStringLiteral(": >-\n") +
           QString(keyIndent + (keyIndent == 0 ? 4 : 2), QLatin1Char(' ')) + value +
           QLatin1Char('\n');
}

} // namespace generator

// Writes `n` articles below `root` (created if missing). Every 100 articles, in a pattern that
// `seed` shifts: 1 takes its predecessor's id, 3 have an over-long page description, 1 lacks
// `author`, 1 lacks `score`. All others validate without any diagnostic.
inline GeneratedFolder generateFolder(const QString& root, int n, quint32 seed = 1)
{
    using namespace generator;
    GeneratedFolder out;
    out.root = QDir(root).absolutePath();
    QDir().mkpath(out.root);
    QRandomGenerator rng(seed);
    QSet<QString> usedQuestions;
    QList<qint64> ids;
    QHash<QString, QHash<QString, int>> perFolder; // subject -> folder -> articles
    const QDate firstDay(2023, 1, 1);

    for (int i = 0; i < n; ++i) {
        const QString subject = pick(rng, subjects());
        QString question;
        for (int attempt = 0; question.isEmpty() || usedQuestions.contains(question); ++attempt) {
            question = pick(rng, openings()).arg(pick(rng, topics()), pick(rng, aspects()));
            if (attempt > 3) // the combinations run out in very large folders
                question.insert(question.size() - 1, QStringLiteral(" (part %1)").arg(i));
        }
        usedQuestions.insert(question);
        const QString questionSlug = slug(question);
        const int bucket = int((quint64(i) * 19 + seed) % 100);
        const bool duplicateId = bucket == 0 && i > 0;
        const bool longDescription = bucket >= 1 && bucket <= 3;
        const bool noAuthor = bucket == 4;
        const bool noScore = bucket == 5;

        const qint64 id = duplicateId ? ids.last() : 50000 + qint64(i) * 3;
        ids << id;
        out.highestId = std::max(out.highestId, id);
        const QString date = firstDay.addDays(rng.bounded(700)).toString(Qt::ISODate);
        const QString topicWords =
            question.section(QLatin1Char(' '), 2, 4).remove(QLatin1Char('?'));

        QString description =
            QStringLiteral("This article explains %1 for readers of %2, with examples, "
                           "common mistakes and where to read further.")
                .arg(question.chopped(1).toLower(), subject);
        while (description.size() < 120)
            description += QStringLiteral(" A short guide.");
        if (description.size() > 160)
            description = description.left(157).trimmed() + QStringLiteral(".");
        if (longDescription) {
            while (description.size() <= 170)
                description += QStringLiteral(" It also covers history, practice and outlook.");
        }
        QStringList keywords = {subject.toLower(), topicWords.toLower(), QStringLiteral("guide")};
        for (int k = 0, extra = int(rng.bounded(5)); k < extra; ++k)
            keywords << QStringLiteral("idea %1").arg(k + 1);

        QStringList answer;
        answer << QStringLiteral("%1 is a question many readers of %2 ask.").arg(question, subject);
        const int points = 2 + int(rng.bounded(4));
        for (int p = 1; p <= points; ++p)
            answer << QStringLiteral("%1. **Point %2**: %3 connects to %4 in a way worth "
                                     "studying, with consequences for practice.")
                          .arg(p)
                          .arg(p)
                          .arg(pick(rng, topics()), pick(rng, aspects()));
        answer << QStringLiteral("In summary, %1 keeps evolving.").arg(topicWords);

        QString text = QStringLiteral("---\n_schema: default\n");
        text += QStringLiteral("id: %1\ndate: %2\n").arg(id).arg(date);
        text += folded(QStringLiteral("title"), question);
        text += folded(QStringLiteral("article_title"), question);
        text += QStringLiteral("date_format: MMM DD, YYYY\npost_on_text: Posted on\nseo:\n");
        text += QStringLiteral("  title: QuickTakes | %1\n").arg(subject);
        text += folded(QStringLiteral("page_description"), description, 2);
        text += folded(QStringLiteral("page_keywords"), keywords.join(QStringLiteral(", ")), 2);
        if (!noAuthor)
            text += QStringLiteral("author: QuickTakes\n");
        text += folded(QStringLiteral("question"), question);
        text += folded(QStringLiteral("answer"), answer.join(QStringLiteral("\\n\\n")));
        text += QStringLiteral("subject: %1\n").arg(subject);
        text += QStringLiteral("file_name: %1.md\n").arg(questionSlug);
        text += QStringLiteral("url: /learn/%1/questions/%2\n").arg(slug(subject), questionSlug);
        if (!noScore)
            text += QStringLiteral("score: -1.0\n");
        text += QStringLiteral("\n---\n\n&nbsp;");

        // Most articles live in their subject's folder; one in 25 sits at the root.
        const QString folder =
            i % 25 == 24 ? out.root : out.root + QLatin1Char('/') + slug(subject);
        QDir().mkpath(folder);
        const QString path = folder + QLatin1Char('/') + questionSlug + QStringLiteral(".md");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return out; // the caller's checks on `articles` then fail
        f.write(text.toUtf8());
        f.close();

        out.files << path;
        ++out.articles;
        ++out.subjectCounts[subject];
        ++perFolder[subject][folder];
        if (duplicateId)
            out.duplicateIds << qMakePair(out.files.at(i - 1), path);
        if (longDescription)
            out.longDescriptions << path;
        if (noAuthor)
            out.missingAuthor << path;
        if (noScore)
            out.missingScore << path;
    }
    for (auto it = perFolder.cbegin(); it != perFolder.cend(); ++it) {
        QString best;
        int most = -1;
        for (auto f = it->cbegin(); f != it->cend(); ++f) {
            if (f.value() > most || (f.value() == most && f.key() < best)) {
                best = f.key();
                most = f.value();
            }
        }
        out.subjectFolders.insert(it.key(), best);
    }
    return out;
}

} // namespace frontis::testing
