//! Helm's serialization functions (`toYaml`, `fromYaml`, `toJson`, ...), registered as
//! plain [`Func`]s. They are built on `helmcore::yaml` and `helmcore::json`.

use crate::engine::func::Func;

/// Helm's serialization functions, in Helm's registration order.
pub(crate) const FUNCS: &[Func] = &[];
