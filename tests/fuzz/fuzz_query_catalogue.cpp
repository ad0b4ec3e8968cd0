// libFuzzer target: bytes as the query catalogue (resources/queries.json or a user's own). Loading
// must not crash, must explain a refusal, and a catalogue it accepts must answer for every built-in id.
#include "PromQL.h"
#include "QueryCatalogue.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<QueryCatalogue> catalogue
        = QueryCatalogue::fromJson(json, QStringLiteral("fuzz.json"), &error);
    if (!catalogue) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    for (const QString &id : QueryCatalogue::builtInIds() + QueryCatalogue::nodeDetailIds()) {
        const QueryDefinition *definition = catalogue->find(id);
        if (!definition || definition->promql.isEmpty())
            std::abort();
        // The node drill-down puts a server's label values into the catalogue's expressions.
        PromQL::substitute(definition->promql, { { QStringLiteral("node"), QStringLiteral("gpu-n001\"}") } });
    }
    return 0;
}
