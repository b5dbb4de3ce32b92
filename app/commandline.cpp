#include "commandline.h"

#include "model/file/regularfile.h"
#include "model/file/unifieddiff.h"
#include "model/schema/schemalibrary.h"
#include "model/text/markdownrenderer.h"
#include "model/yaml/document.h"
#include "rendercommand.h"
#include "schemacommand.h"
#include "sitecommand.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace frontis::commandline {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CommandLine", text);
}

constexpr int ExitOk = 0;
constexpr int ExitNo = 1;
constexpr int ExitError = 2;

const QStringList Commands = {
    QStringLiteral("get"),    QStringLiteral("set"),      QStringLiteral("add"),
    QStringLiteral("unset"),  QStringLiteral("validate"), QStringLiteral("render"),
    QStringLiteral("schema"), QStringLiteral("rename"),   QStringLiteral("replace")};

// Positional arguments and flags of one command. Only the flags a command knows count as flags, so
// that values such as "-1" stay positional; "--" ends the flags.
struct Parsed
{
    QStringList positional;
    QStringList flags;
    QString unknown;
};

Parsed parse(const QStringList& args, const QStringList& known)
{
    Parsed p;
    bool flagsDone = false;
    for (const QString& a : args) {
        if (!flagsDone && a == QLatin1String("--")) {
            flagsDone = true;
        } else if (!flagsDone && known.contains(a)) {
            p.flags << a;
        } else if (!flagsDone && a.startsWith(QLatin1String("--")) && p.unknown.isEmpty()) {
            p.unknown = a;
        } else {
            p.positional << a;
        }
    }
    return p;
}

int usage(QTextStream& err, const QString& message)
{
    err << "frontis: " << message << "\n" << tr("Try 'frontis --help'.") << "\n";
    return ExitError;
}

int loadError(QTextStream& err, const QString& path, const Error& e)
{
    err << e.format(path) << "\n";
    return ExitError;
}

const QString BodyFlag = QStringLiteral("--body");

// Bytes as they are: through the stream's device when it has one (stdout), so that a body that is
// not valid UTF-8 is not re-encoded on the way.
void writeBytes(QTextStream& out, const QByteArray& bytes)
{
    out.flush();
    if (QIODevice* device = out.device()) {
        device->write(bytes);
        if (auto* file = qobject_cast<QFileDevice*>(device))
            file->flush();
    } else {
        out << QString::fromUtf8(bytes);
    }
}

// The new body named on the command line: a file, or standard input for "-".
Result<QByteArray> readBodySource(const QString& source)
{
    QByteArray bytes;
    if (source == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Error{tr("cannot read standard input")};
        bytes = in.read(ArticleFile::MaxFileBytes + 1);
        if (bytes.size() > ArticleFile::MaxFileBytes)
            return Error{tr("standard input holds more than %1 MiB; no body is that large")
                             .arg(ArticleFile::MaxFileBytes / (1024 * 1024))};
    } else {
        Result<FileContents> read = readRegularFile(source, ArticleFile::MaxFileBytes);
        if (!read)
            return read.error();
        bytes = std::move(read->bytes);
    }
    const QString name = source == QLatin1String("-") ? tr("standard input") : source;
    if (QString::fromUtf8(bytes).toUtf8() != bytes)
        return Error{tr("'%1' is not valid UTF-8 text").arg(name)};
    return bytes;
}

int runGet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Parsed p = parse(args, {BodyFlag});
    if (!p.unknown.isEmpty())
        return usage(err, tr("get: unknown option '%1'").arg(p.unknown));
    const bool body = p.flags.contains(BodyFlag);
    if (p.positional.size() != (body ? 1 : 2))
        return usage(err, body ? tr("get --body takes FILE") : tr("get takes FILE KEY"));
    const QString& path = p.positional[0];
    const Result<Document> doc = Document::load(path);
    if (!doc)
        return loadError(err, path, doc.error());
    if (body) {
        writeBytes(out, doc->file().bodyBytes()); // every byte, no line break added
        return ExitOk;
    }
    const KeyPath key = doc->frontMatter().resolve(p.positional[1]);
    const FmNode* node = doc->find(key);
    if (!node) {
        err << QStringLiteral("%1: error: no key '%2'").arg(path, p.positional[1]) << "\n";
        return ExitNo;
    }
    if (node->isMap() || node->isSequence()) // as written in the file
        out << QString::fromUtf8(doc->bytes().mid(node->span.begin, node->span.size())) << "\n";
    else
        out << node->text << "\n";
    return ExitOk;
}

int runSet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString dryRun = QStringLiteral("--dry-run");
    const Parsed p = parse(args, {dryRun, BodyFlag});
    if (!p.unknown.isEmpty())
        return usage(err, tr("set: unknown option '%1'").arg(p.unknown));
    const bool body = p.flags.contains(BodyFlag);
    if (p.positional.size() != (body ? 2 : 3))
        return usage(err, body ? tr("set --body takes FILE PATH") : tr("set takes FILE KEY VALUE"));
    const QString& path = p.positional[0];
    Result<Document> doc = Document::load(path);
    if (!doc)
        return loadError(err, path, doc.error());
    if (body) {
        const Result<QByteArray> text = readBodySource(p.positional[1]);
        if (!text) {
            err << QStringLiteral("%1: error: %2").arg(path, text.error().message) << "\n";
            return ExitError;
        }
        // PATH's CRLF line breaks are line breaks too; they are written in the file's style.
        QByteArray lf = text.value();
        lf.replace("\r\n", "\n");
        if (Status s = doc->setBody(QString::fromUtf8(lf)))
            return loadError(err, path, *s);
    } else {
        const KeyPath key = doc->frontMatter().resolve(p.positional[1]);
        // A field the article's schema types (integer, number, boolean, date) is written as a
        // literal of that type; any other value as a string, unless it already is an agreed
        // literal.
        SchemaLibrary library;
        const SchemaLibrary::Choice choice = library.schemaFor(path, doc->frontMatter());
        const SchemaField* field = choice.schema->field(joinKeyPath(key));
        const std::optional<yaml::PlainType> type = field ? field->literalType() : std::nullopt;
        const QString& value = p.positional[2];
        if (Status s = type ? doc->setTyped(key, value, *type) : doc->setLiteral(key, value))
            return loadError(err, path, *s);
    }
    if (p.flags.contains(dryRun)) {
        out << unifiedDiff(doc->savedBytes(), doc->bytes(), path, path);
        return ExitOk;
    }
    if (!doc->isModified())
        return ExitOk; // the value is already there: nothing to write
    // Read, edit and write take milliseconds; a change by another program within them is refused
    // rather than overwritten (checked just before the new copy replaces the file).
    if (Status s = doc->saveTo(path, Document::IfChangedOnDisk::Refuse))
        return loadError(err, path, *s);
    return ExitOk;
}

// Shared by set, add and unset: the dry-run diff, or the checked atomic write (nothing for a
// no-op).
int finishEdit(Document& doc, bool dryRun, const QString& path, QTextStream& out, QTextStream& err)
{
    if (dryRun) {
        out << unifiedDiff(doc.savedBytes(), doc.bytes(), path, path);
        return ExitOk;
    }
    if (!doc.isModified())
        return ExitOk;
    if (Status s = doc.saveTo(path, Document::IfChangedOnDisk::Refuse))
        return loadError(err, path, *s);
    return ExitOk;
}

// add FILE KEY VALUE and unset FILE KEY.
int runListEdit(const QString& command, const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString dryRun = QStringLiteral("--dry-run");
    const Parsed p = parse(args, {dryRun});
    const bool add = command == QLatin1String("add");
    if (!p.unknown.isEmpty())
        return usage(err, tr("%1: unknown option '%2'").arg(command, p.unknown));
    if (p.positional.size() != (add ? 3 : 2))
        return usage(err, add ? tr("add takes FILE KEY VALUE") : tr("unset takes FILE KEY"));
    const QString& path = p.positional[0];
    Result<Document> doc = Document::load(path);
    if (!doc)
        return loadError(err, path, doc.error());
    const KeyPath key = doc->frontMatter().resolve(p.positional[1]);
    if (add) {
        const Result<ListItem> item = ListItem::fromText(p.positional[2]);
        if (!item) {
            err << QStringLiteral("%1: error: %2").arg(path, item.error().message) << "\n";
            return ExitError;
        }
        if (Status s = doc->appendItem(key, item.value()))
            return loadError(err, path, *s);
    } else {
        if (!doc->find(key)) {
            err << QStringLiteral("%1: error: no key '%2'").arg(path, p.positional[1]) << "\n";
            return ExitNo;
        }
        if (Status s = doc->remove(key))
            return loadError(err, path, *s);
    }
    return finishEdit(doc.value(), p.flags.contains(dryRun), path, out, err);
}

} // namespace

QString helpText()
{
    return tr(
        "Usage:\n"
        "  frontis [FILE...|DIR]                  open articles, or a folder of them, in the\n"
        "                                         editor window\n"
        "  frontis get FILE KEY                   print the value of KEY\n"
        "  frontis set FILE KEY VALUE [--dry-run] set KEY to VALUE, changing only its lines\n"
        "  frontis add FILE KEY VALUE [--dry-run] append VALUE to the list at KEY, in the style\n"
        "                                         of its items\n"
        "  frontis unset FILE KEY [--dry-run]     remove KEY or the list item KEY (tags.2)\n"
        "  frontis get FILE --body                print the body, every byte after the front\n"
        "                                         matter, unchanged\n"
        "  frontis set FILE --body PATH [--dry-run]\n"
        "                                         replace the body by PATH's text (- for\n"
        "                                         standard input), changing only the body\n"
        "  frontis rename PATH... KEY OLD NEW [--ignore-case] [--dry-run]\n"
        "                                         in every article below PATH, change the\n"
        "                                         value OLD of KEY, or its entry OLD, to NEW\n"
        "  frontis set PATH... KEY VALUE [--where KEY=VALUE]... [--dry-run]\n"
        "                                         set KEY in the articles below PATH that\n"
        "                                         every --where picks\n"
        "  frontis unset PATH... KEY [--where KEY=VALUE]... [--dry-run]\n"
        "                                         remove KEY from the articles picked\n"
        "  frontis replace PATH... FIND REPLACEMENT --key KEY|--body [--regex] [--ignore-case] "
        "[--whole-words] [--dry-run]\n"
        "                                         find and replace in KEY's values or in\n"
        "                                         the article text (body or answer)\n"
        "  frontis validate [--format text|json] [--schema FILE] [--no-cache] PATH...\n"
        "                                         check articles, and folders of them, against\n"
        "                                         their schemas\n"
        "  frontis render FILE [--dark] [--fragment]\n"
        "                                         print the article as HTML, as the preview\n"
        "                                         shows it\n"
        "  frontis schema infer PATH... [--output FILE] [--force]\n"
        "                                         print a schema that describes the articles\n"
        "                                         below PATH, or write it to FILE\n"
        "  frontis --help | --version\n"
        "\n"
        "KEY is a dotted path such as seo.title; list items are numbered from 0 (tags.0).\n"
        "set stores VALUE as a string that YAML 1.1 and 1.2 readers both read back as\n"
        "exactly that string, unless the article's schema types KEY (integer, number,\n"
        "boolean, date: VALUE is then written as a literal both read as that type, e.g.\n"
        "1e3 as 1000.0, or refused), or the current value is a number, boolean or date\n"
        "both readers agree on and VALUE is a literal of that type. An absent key is\n"
        "created; setting the current value changes nothing. --dry-run prints\n"
        "the unified diff and writes nothing. The file is replaced atomically (it is always\n"
        "either the old or the new version), and only if the new version reads back as\n"
        "intended and nobody changed the file while set was running.\n"
        "set --body writes the new body's line breaks in the file's line-ending style and\n"
        "leaves the front matter and its fences byte for byte as they were; a file without\n"
        "front matter is all body.\n"
        "add appends VALUE, a string, or for a list of objects a YAML flow map such as\n"
        "'{name: Ada, url: /ada}', in the style of the list's items (block or flow, indent,\n"
        "quoting, key order); an absent list is created. unset removes a key or a list item\n"
        "with its lines and the comment lines directly above it; the only item of a list\n"
        "leaves 'KEY: []'. Both check, write and --dry-run as set does.\n"
        "\n"
        "rename, set PATH..., unset PATH... and replace change many articles at once\n"
        "(folders are searched as validate searches them): every article is changed in\n"
        "memory and verified first, as set does; if any cannot be (it does not parse, is\n"
        "read-only, or changed on disk meanwhile), nothing is written and the error names\n"
        "it. The files are then written all or nothing through a journal (in the content\n"
        "folder's .frontis/changes, else in .frontis-changes): a change interrupted by a\n"
        "crash or a kill is finished the next time frontis runs on the folder (or a\n"
        "folder below it). Articles that need no change are not\n"
        "touched. --dry-run prints every file's diff and the totals, and writes nothing.\n"
        "rename compares exactly (--ignore-case: in any case); in a list or a tags field\n"
        "the entry OLD becomes NEW, or goes where NEW already is an entry (a merge).\n"
        "--where KEY=VALUE picks articles whose KEY is VALUE (or has the entry VALUE).\n"
        "replace matches as the window's find bar does: literal text, or with --regex a\n"
        "regular expression whose groups REPLACEMENT names as \\1 to \\99; it is\n"
        "case-sensitive unless --ignore-case.\n"
        "\n"
        "validate searches folders recursively for .md files (hidden folders and\n"
        "node_modules are skipped) and prints FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]\n"
        "for each finding, then a summary; --format json prints a JSON array of\n"
        "{file, line, column, severity, rule, key, message} instead. --schema FILE checks\n"
        "every article against FILE instead of the schema its _schema names.\n"
        "A folder's results are kept in the cache folder (below ~/.cache/Frontis, or\n"
        "$XDG_CACHE_HOME/Frontis), shared with the window: only files changed since the\n"
        "last run are checked again. --no-cache reads and checks every file and leaves\n"
        "the cache alone.\n"
        "\n"
        "schema infer reads the articles as validate finds them and prints a schema with\n"
        "a field for each key they use, typed so that all of them validate against it.\n"
        "Saved as .frontis/schemas/default.yml in the content folder, it applies to the\n"
        "articles without _schema. --output FILE writes it there atomically (missing\n"
        "folders are created); an existing FILE is replaced only with --force.\n"
        "\n"
        "Exit status: 0 success; 1 get, unset: no such key, validate: errors found;\n"
        "2 usage, I/O or parse error\n"
        "(reported as FILE:LINE:COLUMN: error: MESSAGE, and no file is written).\n");
}

bool wantsCommandLine(const QStringList& args)
{
    if (args.isEmpty())
        return false;
    const QString& first = args.first();
    if (Commands.contains(first) || first == QLatin1String("--help") ||
        first == QLatin1String("-h") || first == QLatin1String("--version") ||
        first == QLatin1String("help"))
        return true;
    // A word (letters, digits, '-' and '_': no dot, no slash) that names no file or folder is a
    // mistyped command ("frontis vaildate"): run() says so instead of opening a window.
    static const QRegularExpression word(QStringLiteral("^[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*$"));
    return word.match(first).hasMatch() && !QFileInfo::exists(first);
}

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        out << helpText();
        return ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "frontis " << FRONTIS_VERSION << " (" << markdownLibrary() << ")\n";
        return ExitOk;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (rest.contains(QLatin1String("--help"))) {
        out << helpText();
        return ExitOk;
    }
    if (Commands.contains(command))
        recoverInterruptedChanges(rest, err); // before anything reads the articles
    if (command == QLatin1String("rename") || command == QLatin1String("replace") ||
        ((command == QLatin1String("set") || command == QLatin1String("unset")) &&
         isSiteForm(command, rest)))
        return runSiteCommand(command, rest, out, err);
    if (command == QLatin1String("get"))
        return runGet(rest, out, err);
    if (command == QLatin1String("set"))
        return runSet(rest, out, err);
    if (command == QLatin1String("add") || command == QLatin1String("unset"))
        return runListEdit(command, rest, out, err);
    if (command == QLatin1String("validate"))
        return runValidate(rest, out, err);
    if (command == QLatin1String("render"))
        return runRender(rest, out, err);
    if (command == QLatin1String("schema"))
        return runSchema(rest, out, err);
    return usage(err, tr("unknown command '%1'; the commands are %2 (or give articles or a "
                         "folder to open in the window)")
                          .arg(command, Commands.join(QLatin1String(", "))));
}

} // namespace frontis::commandline
