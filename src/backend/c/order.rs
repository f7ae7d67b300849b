//! The order C declares types in: a type must be declared before any other type names it.

use crate::ir::{Ir, TypeId};

/// Int-like types sorted by name, then structs and function types sorted by name with each
/// one's dependencies moved before it.
pub(super) fn declaration_order(ir: &Ir) -> Vec<TypeId> {
    let by_name = ir.types_by_name();
    let mut order: Vec<TypeId> = by_name
        .iter()
        .copied()
        .filter(|&id| ir.int_like(id).is_some())
        .collect();
    let mut placed = vec![false; ir.types.len()];
    for &id in &order {
        placed[id.0 as usize] = true;
    }
    for &id in &by_name {
        place(ir, id, &mut placed, &mut order);
    }
    order
}

/// Depth-first: dependencies first. A type is marked placed before its dependencies are
/// visited, so a cycle (which validation rejects anyway) cannot recurse forever.
fn place(ir: &Ir, id: TypeId, placed: &mut [bool], order: &mut Vec<TypeId>) {
    if placed[id.0 as usize] {
        return;
    }
    placed[id.0 as usize] = true;
    let mut deps = ir.ty(id).dependencies.clone();
    deps.sort_by(|a, b| ir.ty(*a).name.name.cmp(&ir.ty(*b).name.name));
    for dep in deps {
        place(ir, dep, placed, order);
    }
    order.push(id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threadentry_comes_before_threadattr() {
        let ir = crate::default_ir().unwrap();
        let names: Vec<&str> = declaration_order(&ir)
            .iter()
            .map(|&id| ir.ty(id).name.name.as_str())
            .collect();
        assert_eq!(names.len(), ir.types.len());
        let pos = |n: &str| names.iter().position(|&x| x == n).unwrap();
        assert!(pos("threadentry") < pos("threadattr"));
        assert!(pos("auxv") < pos("processentry"));
        assert!(pos("whence") < pos("auxv"));
    }
}
