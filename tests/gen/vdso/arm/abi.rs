//! Where a C caller puts the arguments, written from the procedure call standards rather
//! than from the backend: AAPCS64 for aarch64, AAPCS (the ARM EABI) for 32-bit ARM. Only
//! integer-class arguments of 1 to 8 bytes occur (the backend refuses anything else).

/// Where one argument, or one 4-byte word of it on 32-bit ARM, travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// Core register xN or rN.
    Register(u64),
    /// Byte offset from sp at the call.
    Stack(u64),
}

/// One C argument: its size and alignment on the machine.
#[derive(Clone, Copy, Debug)]
pub(super) struct Arg {
    pub size: u64,
    pub align: u64,
}

/// AAPCS64, stage C: each argument takes the next of x0-x7; once they are used, the next
/// stack slot of 8 bytes (the stack address rounded up to the argument's alignment,
/// at least 8). Bits above a narrow argument's size are unspecified (the callee
/// narrows), so callers may leave anything there.
pub(super) fn aapcs64(args: &[Arg]) -> Vec<Place> {
    let mut next_register: u64 = 0;
    let mut next_stack: u64 = 0;
    args.iter()
        .map(|arg| {
            if next_register < 8 {
                next_register += 1;
                Place::Register(next_register - 1)
            } else {
                let at = next_stack.next_multiple_of(arg.align.max(8));
                next_stack = at + 8;
                Place::Stack(at)
            }
        })
        .collect()
}

/// AAPCS (32-bit), stage C, for each argument the places of its words, low word first.
/// An argument smaller than a word is zero- or sign-extended to one by the caller (B.2).
/// A doubleword-aligned argument starts at an even register (C.3) or an 8-aligned stack
/// address (C.7); an argument that does not fit the remaining registers is split
/// between them and the stack only while nothing is on the stack yet and only if it is
/// not doubleword-aligned (C.5); after that, every argument goes on the stack (C.6).
pub(super) fn aapcs32(args: &[Arg]) -> Vec<Vec<Place>> {
    let mut next_register: u64 = 0;
    let mut next_stack: u64 = 0;
    args.iter()
        .map(|arg| {
            let words = arg.size.div_ceil(4);
            let doubleword = arg.align == 8;
            if doubleword {
                next_register = next_register.next_multiple_of(2);
            }
            if next_register + words <= 4 {
                let places = (next_register..next_register + words).map(Place::Register);
                next_register += words;
                return places.collect();
            }
            let mut places: Vec<Place> = Vec::new();
            if next_register < 4 && next_stack == 0 {
                places.extend((next_register..4).map(Place::Register));
            }
            next_register = 4;
            if doubleword {
                next_stack = next_stack.next_multiple_of(8);
            }
            let rest = words - places.len() as u64;
            places.extend((0..rest).map(|w| Place::Stack(next_stack + 4 * w)));
            next_stack += 4 * rest;
            places
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(sizes: &[u64]) -> Vec<Arg> {
        sizes.iter().map(|&s| Arg { size: s, align: s }).collect()
    }

    /// The examples of tests/specs/vdso/shapes.txt, worked by hand from the standard.
    #[test]
    fn aapcs32_pairs_and_spills() {
        use Place::*;
        // g_pair(uint32 a, uint64 b, uint32 c, out): r0, r2:r3, stack 0, stack 4.
        assert_eq!(
            aapcs32(&args(&[4, 8, 4, 4])),
            vec![
                vec![Register(0)],
                vec![Register(2), Register(3)],
                vec![Stack(0)],
                vec![Stack(4)]
            ]
        );
        // h_pair_spilled(a, b, c, uint64 d, out): r0-r2, stack 0:4 (r3 unused), stack 8.
        assert_eq!(
            aapcs32(&args(&[4, 4, 4, 8, 4]))[3..],
            [vec![Stack(0), Stack(4)], vec![Stack(8)]]
        );
        // A word after a spilled pair does not go back to r3.
        assert_eq!(
            aapcs32(&args(&[4, 4, 4, 8, 4, 8]))[5],
            [Stack(16), Stack(20)]
        );
        // An 8-byte, 4-aligned argument splits between r3 and the stack.
        let split = [Arg { size: 4, align: 4 }; 3]
            .into_iter()
            .chain([Arg { size: 8, align: 4 }])
            .collect::<Vec<_>>();
        assert_eq!(aapcs32(&split)[3], [Register(3), Stack(0)]);
    }

    #[test]
    fn aapcs64_registers_then_slots() {
        let places = aapcs64(&args(&[1, 2, 4, 8, 8, 8, 8, 8, 4, 8]));
        assert_eq!(places[7], Place::Register(7));
        assert_eq!(places[8..], [Place::Stack(0), Place::Stack(8)]);
    }
}
