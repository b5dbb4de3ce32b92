// The man page (packaging/frontis.1) and `frontis --help` tell the same story: the same usage
// lines, an entry for every command and option, the same exit statuses, and no option that the
// program does not have. The help text is taken from the real executable.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

class TestManPage : public QObject
{
    Q_OBJECT

private:
    QString m_help;
    QStringList m_page; // the man page's source lines

    // The arguments of a macro line: separated by spaces, "quoted" ones kept whole.
    static QStringList macroArguments(const QString& rest)
    {
        QStringList args;
        QString current;
        bool quoted = false;
        bool inArgument = false;
        for (const QChar c : rest) {
            if (c == QLatin1Char('"')) {
                quoted = !quoted;
                inArgument = true;
            } else if (c == QLatin1Char(' ') && !quoted) {
                if (inArgument)
                    args << current;
                current.clear();
                inArgument = false;
            } else {
                current += c;
                inArgument = true;
            }
        }
        if (inArgument)
            args << current;
        return args;
    }

    static QString unescape(QString s)
    {
        static const QRegularExpression font(QStringLiteral(R"(\\f[BIRP])"));
        s.remove(font);
        s.replace(QLatin1String("\\-"), QLatin1String("-"));
        s.replace(QLatin1String("\\e"), QLatin1String("\\"));
        s.replace(QLatin1String("\\ "), QLatin1String(" "));
        s.replace(QLatin1String("\\&"), QString());
        return s;
    }

    // What a line of the page reads as, for the font macros and plain text this page uses:
    // .B and .I join their arguments with spaces, the alternating ones (.BR, .IR...) without.
    // Other requests (.TP, .PP, .br...) read as nothing.
    static QString plainText(const QString& line)
    {
        if (!line.startsWith(QLatin1Char('.')))
            return unescape(line);
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString macro = line.mid(1, space < 0 ? -1 : space - 1);
        const QStringList args = macroArguments(space < 0 ? QString() : line.mid(space + 1));
        static const QStringList joined = {QStringLiteral("B"), QStringLiteral("I")};
        static const QStringList alternating = {QStringLiteral("BR"), QStringLiteral("RB"),
                                                QStringLiteral("IR"), QStringLiteral("RI"),
                                                QStringLiteral("BI"), QStringLiteral("IB")};
        if (joined.contains(macro))
            return unescape(args.join(QLatin1Char(' ')));
        if (alternating.contains(macro))
            return unescape(args.join(QString()));
        return {};
    }

    // The source lines of section `name` (.SH NAME), without the heading.
    QStringList section(const QString& name) const
    {
        QStringList lines;
        bool inside = false;
        for (const QString& line : m_page) {
            if (line.startsWith(QLatin1String(".SH "))) {
                QString heading = line.mid(4).trimmed();
                heading.remove(QLatin1Char('"'));
                inside = heading == name;
            } else if (inside) {
                lines << line;
            }
        }
        return lines;
    }

    // The tags of a section's .TP entries, as they read.
    QStringList tags(const QString& sectionName) const
    {
        const QStringList lines = section(sectionName);
        QStringList result;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines[i] == QLatin1String(".TP"))
                result << plainText(lines[i + 1]).simplified();
        }
        return result;
    }

    // The usage part of a usage line of --help, without the description beside it: after
    // "frontis" and a command, only placeholders (FILE), options, "|" and [groups] belong to it.
    static QString usageOf(const QString& line)
    {
        const QStringList words = line.simplified().split(QLatin1Char(' '));
        QStringList usage;
        qsizetype depth = 0;
        for (qsizetype i = 0; i < words.size(); ++i) {
            const QString& w = words[i];
            // A command, and a subcommand right after it ("schema infer").
            const bool command = (i == 1 || (i == 2 && words[1].front().isLower() &&
                                             !words[1].startsWith(QLatin1Char('-')))) &&
                                 w.front().isLower();
            const bool syntax = depth > 0 || w.startsWith(QLatin1Char('[')) ||
                                w.startsWith(QLatin1Char('-')) || w == QLatin1String("|") ||
                                w.front().isUpper();
            if (i > 0 && !command && !syntax)
                break;
            depth += w.count(QLatin1Char('[')) - w.count(QLatin1Char(']'));
            usage << w;
        }
        return usage.join(QLatin1Char(' '));
    }

    static QStringList longOptions(const QString& text)
    {
        static const QRegularExpression option(QStringLiteral(R"((?<![\w-])--[a-z][a-z-]*)"));
        QStringList found;
        for (const QRegularExpressionMatch& m : option.globalMatch(text))
            found << m.captured();
        found.removeDuplicates();
        found.sort();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess p;
        p.start(QStringLiteral(FRONTIS_EXECUTABLE), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        m_help = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(m_help.startsWith(QLatin1String("Usage:")));

        QFile page(QStringLiteral(FRONTIS_SOURCE_DIR "/packaging/frontis.1"));
        QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.fileName()));
        m_page = QString::fromUtf8(page.readAll()).split(QLatin1Char('\n'));
        QVERIFY(!section(QStringLiteral("SYNOPSIS")).isEmpty());
    }

    // The reader that parses the page: a test of the test, so that its findings mean something.
    void plainTextReadsTheMacros_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("bold") << R"(.B frontis get)"
                              << "frontis get";
        QTest::newRow("alternating") << R"(.RB [ \-\-dry\-run ])"
                                     << "[--dry-run]";
        QTest::newRow("quoted") << R"(.BR \-\-help " | " \-\-version)"
                                << "--help | --version";
        QTest::newRow("bold-italic") << R"(.BI "get " "FILE KEY")"
                                     << "get FILE KEY";
        QTest::newRow("fonts in text") << R"(\fBscore: \-1.0\fR set)"
                                       << "score: -1.0 set";
        QTest::newRow("request") << ".TP"
                                 << "";
    }

    void plainTextReadsTheMacros()
    {
        QFETCH(QString, line);
        QFETCH(QString, text);
        QCOMPARE(plainText(line), text);
    }

    // Each usage line of --help is a line of the SYNOPSIS, in the same order.
    void synopsisIsTheUsage()
    {
        QStringList usage;
        for (const QString& line : m_help.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("  frontis")))
                usage << usageOf(line);
        }
        QCOMPARE(
            usageOf(QStringLiteral("  frontis set FILE KEY VALUE [--dry-run] set KEY to VALUE")),
            QStringLiteral("frontis set FILE KEY VALUE [--dry-run]"));
        QCOMPARE(usageOf(QStringLiteral("  frontis schema infer PATH... [--force] print a schema")),
                 QStringLiteral("frontis schema infer PATH... [--force]"));
        QVERIFY(usage.size() >= 5);

        QStringList synopsis;
        QString current;
        for (const QString& line : section(QStringLiteral("SYNOPSIS"))) {
            if (line == QLatin1String(".br")) {
                synopsis << current.simplified();
                current.clear();
            } else {
                current += QLatin1Char(' ') + plainText(line);
            }
        }
        if (!current.simplified().isEmpty())
            synopsis << current.simplified();
        QCOMPARE(synopsis, usage);
    }

    // Every command in --help has an entry under COMMANDS, and every entry is a real command.
    void everyCommandHasAnEntry()
    {
        QStringList commands;
        static const QRegularExpression commandLine(QStringLiteral(R"(^  frontis ([a-z]+)\b)"),
                                                    QRegularExpression::MultilineOption);
        for (const QRegularExpressionMatch& m : commandLine.globalMatch(m_help))
            commands << m.captured(1);
        commands.sort();
        commands.removeDuplicates(); // get and set have a line for a key and one for --body
        QCOMPARE(commands,
                 QStringList(
                     {QStringLiteral("add"), QStringLiteral("get"), QStringLiteral("rename"),
                      QStringLiteral("render"), QStringLiteral("replace"), QStringLiteral("schema"),
                      QStringLiteral("set"), QStringLiteral("unset"), QStringLiteral("validate")}));

        QStringList entries;
        for (const QString& tag : tags(QStringLiteral("COMMANDS")))
            entries << tag.section(QLatin1Char(' '), 0, 0);
        entries.sort();
        entries.removeDuplicates();
        QCOMPARE(entries, commands);
    }

    // Every option in --help has an entry under OPTIONS.
    void everyOptionHasAnEntry()
    {
        const QStringList options = longOptions(m_help);
        QVERIFY(options.contains(QLatin1String("--dry-run")));
        QVERIFY(options.contains(QLatin1String("--version")));
        const QStringList entries =
            longOptions(tags(QStringLiteral("OPTIONS")).join(QLatin1Char('\n')));
        for (const QString& option : options)
            QVERIFY2(entries.contains(option),
                     qPrintable(option + QLatin1String(" has no entry under OPTIONS")));
    }

    // The page names no long option that --help does not: nothing stale, nothing invented.
    void noOptionTheProgramLacks()
    {
        QStringList text;
        for (const QString& line : std::as_const(m_page)) {
            if (!line.startsWith(QLatin1String(".\\\"")))
                text << plainText(line);
        }
        const QStringList inPage = longOptions(text.join(QLatin1Char('\n')));
        QVERIFY(!inPage.isEmpty());
        const QStringList inHelp = longOptions(m_help);
        for (const QString& option : inPage)
            QVERIFY2(inHelp.contains(option),
                     qPrintable(option + QLatin1String(" is not in frontis --help")));
    }

    // The exit statuses --help lists are the ones EXIT STATUS describes.
    void sameExitStatuses()
    {
        const qsizetype from = m_help.indexOf(QLatin1String("Exit status:"));
        QVERIFY(from >= 0);
        static const QRegularExpression status(QStringLiteral(R"((?:Exit status:|;)\s*(\d+)\s)"));
        QStringList inHelp;
        for (const QRegularExpressionMatch& m : status.globalMatch(m_help.mid(from)))
            inHelp << m.captured(1);
        QVERIFY(inHelp.contains(QLatin1String("0")));
        QStringList inPage = tags(QStringLiteral("EXIT STATUS"));
        std::sort(inHelp.begin(), inHelp.end());
        std::sort(inPage.begin(), inPage.end());
        QCOMPARE(inPage, inHelp);
    }
};

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
