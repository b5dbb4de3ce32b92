#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace frontis {

// A failure reported across a module boundary: what went wrong and, when known, where.
struct Error
{
    QString message;
    int line = 0;   // 1-based line in the file; 0 when the error has no position
    int column = 0; // 1-based column in bytes; 0 when unknown

    // "path:line:column: error: message" (the position is left out when unknown).
    QString format(const QString& path) const;
};

// A value or an Error (g++ 12 has no std::expected).
template <typename T>
class Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing on success.
using Status = std::optional<Error>;

} // namespace frontis
