#pragma once

#include <cmath>
#include <optional>

// A node's Slurm state as the catalogue's node_state query codes it (resources/queries.json): the
// PromQL maps Slurm's state names to these numbers, so that a state travels, caches and compares like
// any other sample. Higher codes up to Down are worse.
enum class NodeState { Idle = 0, Mixed = 1, Allocated = 2, Drain = 3, Down = 4, Other = 5 };

// The state a node_state sample stands for; none for NaN or a value that is no code.
inline std::optional<NodeState> nodeStateFromCode(double code)
{
    if (std::isnan(code) || code < 0 || code > double(NodeState::Other) || code != std::floor(code))
        return std::nullopt;
    return NodeState(int(code));
}
