#include "rendercommand.h"

#include "model/schema/schemalibrary.h"
#include "model/text/articlehtml.h"
#include "model/text/articletext.h"
#include "model/yaml/document.h"

#include <QCoreApplication>
#include <QTextStream>

namespace frontis::commandline {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CommandLine", text);
}

constexpr int ExitOk = 0;
constexpr int ExitError = 2;

int usage(QTextStream& err, const QString& message)
{
    err << "frontis: " << message << "\n" << tr("Try 'frontis --help'.") << "\n";
    return ExitError;
}

} // namespace

int runRender(const QStringList& args, QTextStream& out, QTextStream& err)
{
    bool dark = false;
    bool fragment = false;
    bool flagsDone = false;
    QStringList files;
    for (const QString& a : args) {
        if (!flagsDone && a == QLatin1String("--")) {
            flagsDone = true;
        } else if (!flagsDone && a == QLatin1String("--dark")) {
            dark = true;
        } else if (!flagsDone && a == QLatin1String("--fragment")) {
            fragment = true;
        } else if (!flagsDone && a.startsWith(QLatin1String("--"))) {
            return usage(err, tr("render: unknown option '%1'").arg(a));
        } else {
            files << a;
        }
    }
    if (files.size() != 1)
        return usage(err, tr("render takes one FILE"));

    const QString& path = files.first();
    const Result<Document> doc = Document::load(path);
    if (!doc) {
        err << doc.error().format(path) << "\n";
        return ExitError;
    }
    ArticleHtmlOptions options;
    options.fullDocument = !fragment;
    if (!fragment)
        options.stylesheet = articleStylesheet(dark ? ArticleTheme::Dark : ArticleTheme::Light);
    // The schema says where the text is: the answer of a QuickTakes article, the body of most.
    SchemaLibrary library;
    const SchemaLibrary::Choice choice = library.schemaFor(path, doc->frontMatter());
    out << renderArticleHtml(ArticleContent::of(doc.value(), *choice.schema), options);
    return ExitOk;
}

} // namespace frontis::commandline
