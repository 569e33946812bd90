;; Layerboard's WebAssembly SIMD kernels (see ../wasm.ts for the TypeScript side).
;;
;; Every pointer is a byte address in this module's memory and every stride is in bytes, so one
;; kernel serves all three products of a training step by its strides alone:
;;   X·W    A(i,p) = X[i,p]   B(p,j) = W[p,j]
;;   dY·Wᵀ  A(i,p) = dY[i,p]  B(p,j) = W[j,p]
;;   Xᵀ·dY  A(i,p) = X[p,i]   B(p,j) = dY[p,j]
;; Bytes [0, 64) are the kernels' own scratch; no operand starts there, so address 0 means "none".
;;
;; float32 GEMM: B is packed into panels of eight columns, contiguous along the reduction, each
;; headed by eight bias values (zeros without a bias), and 4×8 blocks of C are accumulated in
;; eight f32x4 registers across the whole reduction: per step of the reduction two panel loads,
;; four broadcast loads of A and sixteen multiplies and adds, with no stores. Sums are float32,
;; as in PyTorch (the plain TypeScript backend sums in float64).
;;
;; float64 operands (the gradient checks) take a plain scalar loop over the same strides.
;;
;; The optimizer updates compute in float64 (f64x2) on float32 storage in exactly the order of
;; core/optim/optimizers.ts, so they agree with it bit for bit. Their loops are written out
;; without helper calls and with the scalars splatted before the loop: V8 (Node 20) does not
;; inline WebAssembly calls, and a call with v128 values costs more than the arithmetic. They run over n rounded up to an
;; even count: the plan pads every parameter region with zeros, which every update keeps at zero.
(module
  (memory (export "memory") 1)

  ;; Stores one row of a block, v0 = columns 0-3 and v1 = columns 4-7, of which the first w are
  ;; real; with acc, adds into what is there. A partial row goes lane by lane (no scratch memory:
  ;; worker threads run these kernels on one shared memory at the same time).
  (func $store_row (param $p i32) (param $v0 v128) (param $v1 v128) (param $w i32) (param $acc i32)
    (if (i32.eq (local.get $w) (i32.const 8))
      (then
        (if (local.get $acc)
          (then
            (local.set $v0 (f32x4.add (local.get $v0) (v128.load (local.get $p))))
            (local.set $v1 (f32x4.add (local.get $v1) (v128.load offset=16 (local.get $p))))))
        (v128.store (local.get $p) (local.get $v0))
        (v128.store offset=16 (local.get $p) (local.get $v1))
        (return)))
    (block $end
      (call $put (local.get $p) (f32x4.extract_lane 0 (local.get $v0)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 2)))
      (call $put (i32.add (local.get $p) (i32.const 4)) (f32x4.extract_lane 1 (local.get $v0)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 3)))
      (call $put (i32.add (local.get $p) (i32.const 8)) (f32x4.extract_lane 2 (local.get $v0)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 4)))
      (call $put (i32.add (local.get $p) (i32.const 12)) (f32x4.extract_lane 3 (local.get $v0)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 5)))
      (call $put (i32.add (local.get $p) (i32.const 16)) (f32x4.extract_lane 0 (local.get $v1)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 6)))
      (call $put (i32.add (local.get $p) (i32.const 20)) (f32x4.extract_lane 1 (local.get $v1)) (local.get $acc))
      (br_if $end (i32.lt_s (local.get $w) (i32.const 7)))
      (call $put (i32.add (local.get $p) (i32.const 24)) (f32x4.extract_lane 2 (local.get $v1)) (local.get $acc))))

  (func $put (param $p i32) (param $x f32) (param $acc i32)
    (if (local.get $acc)
      (then (local.set $x (f32.add (f32.load (local.get $p)) (local.get $x)))))
    (f32.store (local.get $p) (local.get $x)))

  ;; Packs B(p,j) = b[p*bp + j*bj] (k × n) into panels [n/8][1 + k][8] at out: each panel is its
  ;; bias header (bias[j0..j0+8), or zeros when bias is 0), then k rows of eight columns,
  ;; zero-padded past n.
  (func $pack_f32 (param $b i32) (param $bp i32) (param $bj i32) (param $k i32) (param $n i32) (param $bias i32) (param $out i32)
    (local $j0 i32) (local $w i32) (local $jj i32) (local $p i32) (local $src i32) (local $dst i32)
    (loop $panels
      (local.set $w (select (i32.const 8) (i32.sub (local.get $n) (local.get $j0))
        (i32.ge_s (i32.sub (local.get $n) (local.get $j0)) (i32.const 8))))
      ;; header
      (v128.store (local.get $out) (v128.const i32x4 0 0 0 0))
      (v128.store offset=16 (local.get $out) (v128.const i32x4 0 0 0 0))
      (if (local.get $bias)
        (then
          (local.set $jj (i32.const 0))
          (loop $head
            (f32.store
              (i32.add (local.get $out) (i32.shl (local.get $jj) (i32.const 2)))
              (f32.load (i32.add (local.get $bias) (i32.shl (i32.add (local.get $j0) (local.get $jj)) (i32.const 2)))))
            (local.set $jj (i32.add (local.get $jj) (i32.const 1)))
            (br_if $head (i32.lt_u (local.get $jj) (local.get $w))))))
      (local.set $src (i32.add (local.get $b) (i32.mul (local.get $j0) (local.get $bj))))
      (local.set $dst (i32.add (local.get $out) (i32.const 32)))
      (if (i32.and (i32.eq (local.get $w) (i32.const 8)) (i32.eq (local.get $bj) (i32.const 4)))
        (then
          ;; a full panel of a row-major B: two vector copies per row
          (local.set $p (local.get $k))
          (loop $rows
            (v128.store (local.get $dst) (v128.load (local.get $src)))
            (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $bp)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
            (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1))))))
        (else
          ;; column by column (a transposed B reads each of its rows contiguously), then zeros
          ;; for the columns past n
          (if (i32.lt_u (local.get $w) (i32.const 8))
            (then
              (local.set $p (local.get $k))
              (loop $zero
                (v128.store (local.get $dst) (v128.const i32x4 0 0 0 0))
                (v128.store offset=16 (local.get $dst) (v128.const i32x4 0 0 0 0))
                (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
                (br_if $zero (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
              (local.set $dst (i32.add (local.get $out) (i32.const 32)))))
          (local.set $jj (i32.const 0))
          (loop $cols
            (local.set $src (i32.add (local.get $b) (i32.mul (i32.add (local.get $j0) (local.get $jj)) (local.get $bj))))
            (local.set $dst (i32.add (i32.add (local.get $out) (i32.const 32)) (i32.shl (local.get $jj) (i32.const 2))))
            (local.set $p (local.get $k))
            (loop $rows
              (f32.store (local.get $dst) (f32.load (local.get $src)))
              (local.set $src (i32.add (local.get $src) (local.get $bp)))
              (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
              (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
            (local.set $jj (i32.add (local.get $jj) (i32.const 1)))
            (br_if $cols (i32.lt_u (local.get $jj) (local.get $w))))))
      (local.set $out (i32.add (local.get $out) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 5))))
      (local.set $j0 (i32.add (local.get $j0) (i32.const 8)))
      (br_if $panels (i32.lt_s (local.get $j0) (local.get $n)))))

;; Packs A(i,p) = a[i*ai + p*ap] (m × k) into blocks of four rows, [⌈m/4⌉][k][4] at out, rows
  ;; past m zero, so that the product reads one block's four values of a reduction step from one
  ;; pointer. Four rows contiguous in memory (Xᵀ of a product Xᵀ·dY) copy one vector per step;
  ;; rows contiguous along the reduction (X·W, dY·Wᵀ) go through 4 × 4 transposes; the rest (a
  ;; last block of fewer than four rows, other strides) one value at a time.
  (func $pack_a_f32 (param $a i32) (param $ai i32) (param $ap i32) (param $m i32) (param $k i32) (param $out i32)
    (local $i0 i32) (local $h i32) (local $r i32) (local $p i32) (local $src i32) (local $dst i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $t0 v128) (local $t1 v128)
    (loop $blocks
      (local.set $h (select (i32.const 4) (i32.sub (local.get $m) (local.get $i0))
        (i32.ge_s (i32.sub (local.get $m) (local.get $i0)) (i32.const 4))))
      (local.set $src (i32.add (local.get $a) (i32.mul (local.get $i0) (local.get $ai))))
      (local.set $dst (local.get $out))
      (local.set $p (i32.const 0))
      (if (i32.eq (local.get $h) (i32.const 4))
        (then
          (if (i32.eq (local.get $ai) (i32.const 4))
            (then
              (loop $steps
                (v128.store (local.get $dst) (v128.load (local.get $src)))
                (local.set $src (i32.add (local.get $src) (local.get $ap)))
                (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
                (br_if $steps (i32.lt_s (local.tee $p (i32.add (local.get $p) (i32.const 1))) (local.get $k))))))
          (if (i32.eq (local.get $ap) (i32.const 4))
            (then
              (block $done
                (loop $tiles
                  (br_if $done (i32.gt_s (i32.add (local.get $p) (i32.const 4)) (local.get $k)))
                  (local.set $r0 (v128.load (local.get $src)))
                  (local.set $r1 (v128.load (i32.add (local.get $src) (local.get $ai))))
                  (local.set $r2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $ai) (i32.const 1)))))
                  (local.set $r3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $ai) (i32.const 3)))))
                  ;; t0 = (r0₀ r1₀ r0₁ r1₁), t1 = (r2₀ r3₀ r2₁ r3₁): steps p and p+1
                  (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
                  (local.set $t1 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
                  (v128.store (local.get $dst) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
                  (v128.store offset=16 (local.get $dst) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
                  ;; steps p+2 and p+3
                  (local.set $t0 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
                  (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
                  (v128.store offset=32 (local.get $dst) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
                  (v128.store offset=48 (local.get $dst) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
                  (local.set $src (i32.add (local.get $src) (i32.const 16)))
                  (local.set $dst (i32.add (local.get $dst) (i32.const 64)))
                  (local.set $p (i32.add (local.get $p) (i32.const 4)))
                  (br $tiles)))))))
      ;; whatever is left of the block (all of it for other strides), one value at a time
      (block $done
        (loop $steps
          (br_if $done (i32.ge_s (local.get $p) (local.get $k)))
          (local.set $r (i32.const 0))
          (loop $rows
            (f32.store (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 2)))
              (if (result f32) (i32.lt_s (local.get $r) (local.get $h))
                (then (f32.load (i32.add (local.get $a) (i32.add
                  (i32.mul (i32.add (local.get $i0) (local.get $r)) (local.get $ai))
                  (i32.mul (local.get $p) (local.get $ap))))))
                (else (f32.const 0))))
            (br_if $rows (i32.lt_u (local.tee $r (i32.add (local.get $r) (i32.const 1))) (i32.const 4))))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $steps)))
      (local.set $out (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 4))))
      (br_if $blocks (i32.lt_s (local.tee $i0 (i32.add (local.get $i0) (i32.const 4))) (local.get $m)))))

  ;; C[m×n] (+)= A·B (+ bias) with A packed by $pack_a_f32 at a and B by $pack_f32 at panel (k ≥ 1).
  ;; Per step of the reduction: two panel loads, four broadcast loads from one pointer (V8 keeps
  ;; the four addresses as base + pointer, so no address arithmetic), sixteen multiplies and adds,
  ;; two pointer increments and a compare with the block's end. A last block of fewer than four
  ;; rows is computed on its zero rows and stored only for the real ones.
  (func $gemm_f32 (param $a i32) (param $panel i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $acc i32)
      (param $y i32) (param $leaky i32) (param $slope f64)
    (local $j0 i32) (local $w i32) (local $i i32) (local $h i32) (local $x i32) (local $row i32) (local $end i32)
    (local $cp i32) (local $nb i32) (local $kb i32) (local $full i32) (local $s2 v128)
    (local $h0 v128) (local $h1 v128) (local $b0 v128) (local $b1 v128) (local $av v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
    (local.set $kb (i32.shl (local.get $k) (i32.const 5)))
    (local.set $s2 (f64x2.splat (local.get $slope)))
    (loop $panels
      (local.set $w (select (i32.const 8) (i32.sub (local.get $n) (local.get $j0))
        (i32.ge_s (i32.sub (local.get $n) (local.get $j0)) (i32.const 8))))
      ;; A full panel that overwrites is stored in place; the rest goes through $store_row.
      (local.set $full (i32.and (i32.eq (local.get $w) (i32.const 8)) (i32.eqz (local.get $acc))))
      (local.set $h0 (v128.load (local.get $panel)))
      (local.set $h1 (v128.load offset=16 (local.get $panel)))
      (local.set $x (local.get $a))
      (local.set $i (i32.const 0))
      (loop $rows4
        (local.set $c00 (local.get $h0)) (local.set $c01 (local.get $h1))
        (local.set $c10 (local.get $h0)) (local.set $c11 (local.get $h1))
        (local.set $c20 (local.get $h0)) (local.set $c21 (local.get $h1))
        (local.set $c30 (local.get $h0)) (local.set $c31 (local.get $h1))
        (local.set $row (i32.add (local.get $panel) (i32.const 32)))
        (local.set $end (i32.add (local.get $row) (local.get $kb)))
        (loop $reduce
          (local.set $b0 (v128.load (local.get $row)))
          (local.set $b1 (v128.load offset=16 (local.get $row)))
            (local.set $av (v128.load32_splat offset=0 (local.get $x)))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $av) (local.get $b0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $av) (local.get $b1))))
            (local.set $av (v128.load32_splat offset=4 (local.get $x)))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $av) (local.get $b0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $av) (local.get $b1))))
            (local.set $av (v128.load32_splat offset=8 (local.get $x)))
            (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $av) (local.get $b0))))
            (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $av) (local.get $b1))))
            (local.set $av (v128.load32_splat offset=12 (local.get $x)))
            (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $av) (local.get $b0))))
            (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $av) (local.get $b1))))
          (local.set $x (i32.add (local.get $x) (i32.const 16)))
          (local.set $row (i32.add (local.get $row) (i32.const 32)))
          (br_if $reduce (i32.ne (local.get $row) (local.get $end))))
        (local.set $cp (i32.add (local.get $c)
          (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j0)) (i32.const 2))))
        (local.set $h (i32.sub (local.get $m) (local.get $i)))
        (if (i32.and (local.get $full) (i32.ge_s (local.get $h) (i32.const 4)))
          (then
            (v128.store (local.get $cp) (local.get $c00)) (v128.store offset=16 (local.get $cp) (local.get $c01))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (v128.store (local.get $cp) (local.get $c10)) (v128.store offset=16 (local.get $cp) (local.get $c11))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (v128.store (local.get $cp) (local.get $c20)) (v128.store offset=16 (local.get $cp) (local.get $c21))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (v128.store (local.get $cp) (local.get $c30)) (v128.store offset=16 (local.get $cp) (local.get $c31)))
          (else (block $stored
            (br_if $stored (i32.le_s (local.get $h) (i32.const 0)))
            (call $store_row (local.get $cp) (local.get $c00) (local.get $c01) (local.get $w) (local.get $acc))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (br_if $stored (i32.le_s (local.get $h) (i32.const 1)))
            (call $store_row (local.get $cp) (local.get $c10) (local.get $c11) (local.get $w) (local.get $acc))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (br_if $stored (i32.le_s (local.get $h) (i32.const 2)))
            (call $store_row (local.get $cp) (local.get $c20) (local.get $c21) (local.get $w) (local.get $acc))
            (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
            (br_if $stored (i32.le_s (local.get $h) (i32.const 3)))
            (call $store_row (local.get $cp) (local.get $c30) (local.get $c31) (local.get $w) (local.get $acc)))))
        ;; Linear → ReLU / LeakyReLU (y ≠ 0, never with acc): the activation of the block, stored
        ;; at y as rectify_f32 computes it (the same bits), while the block is in registers.
        (if (local.get $y)
          (then
            (local.set $c00 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c00) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c00)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c00) (local.get $c00))) (local.get $s2)))) (f32x4.gt (local.get $c00) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c00) (f32x4.gt (local.get $c00) (v128.const f32x4 0 0 0 0))))))
            (local.set $c01 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c01) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c01)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c01) (local.get $c01))) (local.get $s2)))) (f32x4.gt (local.get $c01) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c01) (f32x4.gt (local.get $c01) (v128.const f32x4 0 0 0 0))))))
            (local.set $c10 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c10) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c10)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c10) (local.get $c10))) (local.get $s2)))) (f32x4.gt (local.get $c10) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c10) (f32x4.gt (local.get $c10) (v128.const f32x4 0 0 0 0))))))
            (local.set $c11 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c11) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c11)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c11) (local.get $c11))) (local.get $s2)))) (f32x4.gt (local.get $c11) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c11) (f32x4.gt (local.get $c11) (v128.const f32x4 0 0 0 0))))))
            (local.set $c20 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c20) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c20)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c20) (local.get $c20))) (local.get $s2)))) (f32x4.gt (local.get $c20) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c20) (f32x4.gt (local.get $c20) (v128.const f32x4 0 0 0 0))))))
            (local.set $c21 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c21) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c21)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c21) (local.get $c21))) (local.get $s2)))) (f32x4.gt (local.get $c21) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c21) (f32x4.gt (local.get $c21) (v128.const f32x4 0 0 0 0))))))
            (local.set $c30 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c30) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c30)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c30) (local.get $c30))) (local.get $s2)))) (f32x4.gt (local.get $c30) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c30) (f32x4.gt (local.get $c30) (v128.const f32x4 0 0 0 0))))))
            (local.set $c31 (if (result v128) (local.get $leaky) (then (v128.bitselect (local.get $c31) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $c31)) (local.get $s2))) (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c31) (local.get $c31))) (local.get $s2)))) (f32x4.gt (local.get $c31) (v128.const f32x4 0 0 0 0)))) (else (v128.and (local.get $c31) (f32x4.gt (local.get $c31) (v128.const f32x4 0 0 0 0))))))
            (local.set $cp (i32.add (local.get $y)
              (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j0)) (i32.const 2))))
            (if (i32.and (local.get $full) (i32.ge_s (local.get $h) (i32.const 4)))
              (then
                (v128.store (local.get $cp) (local.get $c00)) (v128.store offset=16 (local.get $cp) (local.get $c01))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (v128.store (local.get $cp) (local.get $c10)) (v128.store offset=16 (local.get $cp) (local.get $c11))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (v128.store (local.get $cp) (local.get $c20)) (v128.store offset=16 (local.get $cp) (local.get $c21))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (v128.store (local.get $cp) (local.get $c30)) (v128.store offset=16 (local.get $cp) (local.get $c31))
              )
              (else (block $activated
                (br_if $activated (i32.le_s (local.get $h) (i32.const 0)))
                (call $store_row (local.get $cp) (local.get $c00) (local.get $c01) (local.get $w) (i32.const 0))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (br_if $activated (i32.le_s (local.get $h) (i32.const 1)))
                (call $store_row (local.get $cp) (local.get $c10) (local.get $c11) (local.get $w) (i32.const 0))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (br_if $activated (i32.le_s (local.get $h) (i32.const 2)))
                (call $store_row (local.get $cp) (local.get $c20) (local.get $c21) (local.get $w) (i32.const 0))
                (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
                (br_if $activated (i32.le_s (local.get $h) (i32.const 3)))
                (call $store_row (local.get $cp) (local.get $c30) (local.get $c31) (local.get $w) (i32.const 0))
              )))))
        (br_if $rows4 (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $m))))
      (local.set $panel (i32.add (local.get $panel) (i32.add (local.get $kb) (i32.const 32))))
      (br_if $panels (i32.lt_s (local.tee $j0 (i32.add (local.get $j0) (i32.const 8))) (local.get $n)))))

  ;; Narrow outputs (n ≤ 4, the small layers people build here): one panel of four columns, with
  ;; its bias header, and 4×4 blocks of C in four registers; the stores are written out, since a
  ;; call per row (V8 does not inline) would cost more than a short reduction.
  (func $pack4_f32 (param $b i32) (param $bp i32) (param $bj i32) (param $k i32) (param $n i32) (param $bias i32) (param $out i32)
    (local $jj i32) (local $p i32) (local $src i32) (local $dst i32)
    (v128.store (local.get $out) (v128.const i32x4 0 0 0 0))
    (if (local.get $bias)
      (then
        (loop $head
          (f32.store
            (i32.add (local.get $out) (i32.shl (local.get $jj) (i32.const 2)))
            (f32.load (i32.add (local.get $bias) (i32.shl (local.get $jj) (i32.const 2)))))
          (br_if $head (i32.lt_u (local.tee $jj (i32.add (local.get $jj) (i32.const 1))) (local.get $n))))))
    (local.set $src (local.get $b))
    (local.set $dst (i32.add (local.get $out) (i32.const 16)))
    (local.set $p (local.get $k))
    (if (i32.and (i32.eq (local.get $n) (i32.const 4)) (i32.eq (local.get $bj) (i32.const 4)))
      (then
        (loop $rows
          (v128.store (local.get $dst) (v128.load (local.get $src)))
          (local.set $src (i32.add (local.get $src) (local.get $bp)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1))))))
      (else
        ;; zeros, then column by column
        (loop $zero
          (v128.store (local.get $dst) (v128.const i32x4 0 0 0 0))
          (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
          (br_if $zero (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (local.set $jj (i32.const 0))
        (loop $cols
          (local.set $src (i32.add (local.get $b) (i32.mul (local.get $jj) (local.get $bj))))
          (local.set $dst (i32.add (i32.add (local.get $out) (i32.const 16)) (i32.shl (local.get $jj) (i32.const 2))))
          (local.set $p (local.get $k))
          (loop $rows
            (f32.store (local.get $dst) (f32.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (local.get $bp)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
            (br_if $rows (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
          (br_if $cols (i32.lt_u (local.tee $jj (i32.add (local.get $jj) (i32.const 1))) (local.get $n)))))))

  ;; C[m×n] (+)= A·B (+ bias) for n ≤ 4, with B packed by $pack4_f32. C is read 16 bytes at a time
  ;; when accumulating (the plan leaves slack after its last buffer); only n columns are written.
  (func $gemm4_f32 (param $a i32) (param $ai i32) (param $ap i32) (param $panel i32) (param $c i32)
      (param $m i32) (param $k i32) (param $n i32) (param $acc i32)
    (local $i i32) (local $p i32) (local $row i32) (local $cp i32) (local $nb i32) (local $h v128) (local $bv v128) (local $av v128)
    (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $nb (i32.shl (local.get $n) (i32.const 2)))
    (local.set $h (v128.load (local.get $panel)))
    (local.set $cp (local.get $c))
    (block $done4
      (loop $rows4
        (br_if $done4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $c0 (local.get $h)) (local.set $c1 (local.get $h)) (local.set $c2 (local.get $h)) (local.set $c3 (local.get $h))
        (local.set $x0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
        (local.set $x1 (i32.add (local.get $x0) (local.get $ai)))
        (local.set $x2 (i32.add (local.get $x1) (local.get $ai)))
        (local.set $x3 (i32.add (local.get $x2) (local.get $ai)))
        (local.set $row (i32.add (local.get $panel) (i32.const 16)))
        (local.set $p (local.get $k))
        (loop $reduce
          (local.set $bv (v128.load (local.get $row)))
          (local.set $av (v128.load32_splat (local.get $x0)))
          (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $av) (local.get $bv))))
          (local.set $av (v128.load32_splat (local.get $x1)))
          (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $av) (local.get $bv))))
          (local.set $av (v128.load32_splat (local.get $x2)))
          (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $av) (local.get $bv))))
          (local.set $av (v128.load32_splat (local.get $x3)))
          (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $av) (local.get $bv))))
          (local.set $x0 (i32.add (local.get $x0) (local.get $ap)))
          (local.set $x1 (i32.add (local.get $x1) (local.get $ap)))
          (local.set $x2 (i32.add (local.get $x2) (local.get $ap)))
          (local.set $x3 (i32.add (local.get $x3) (local.get $ap)))
          (local.set $row (i32.add (local.get $row) (i32.const 16)))
          (br_if $reduce (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (if (local.get $acc) (then (local.set $c0 (f32x4.add (local.get $c0) (v128.load (local.get $cp))))))
        (if (i32.eq (local.get $n) (i32.const 4))
          (then (v128.store (local.get $cp) (local.get $c0)))
          (else
            (v128.store32_lane 0 (local.get $cp) (local.get $c0))
            (if (i32.gt_u (local.get $n) (i32.const 1)) (then (v128.store32_lane offset=4 1 (local.get $cp) (local.get $c0))))
            (if (i32.gt_u (local.get $n) (i32.const 2)) (then (v128.store32_lane offset=8 2 (local.get $cp) (local.get $c0))))))
        (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
        (if (local.get $acc) (then (local.set $c1 (f32x4.add (local.get $c1) (v128.load (local.get $cp))))))
        (if (i32.eq (local.get $n) (i32.const 4))
          (then (v128.store (local.get $cp) (local.get $c1)))
          (else
            (v128.store32_lane 0 (local.get $cp) (local.get $c1))
            (if (i32.gt_u (local.get $n) (i32.const 1)) (then (v128.store32_lane offset=4 1 (local.get $cp) (local.get $c1))))
            (if (i32.gt_u (local.get $n) (i32.const 2)) (then (v128.store32_lane offset=8 2 (local.get $cp) (local.get $c1))))))
        (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
        (if (local.get $acc) (then (local.set $c2 (f32x4.add (local.get $c2) (v128.load (local.get $cp))))))
        (if (i32.eq (local.get $n) (i32.const 4))
          (then (v128.store (local.get $cp) (local.get $c2)))
          (else
            (v128.store32_lane 0 (local.get $cp) (local.get $c2))
            (if (i32.gt_u (local.get $n) (i32.const 1)) (then (v128.store32_lane offset=4 1 (local.get $cp) (local.get $c2))))
            (if (i32.gt_u (local.get $n) (i32.const 2)) (then (v128.store32_lane offset=8 2 (local.get $cp) (local.get $c2))))))
        (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
        (if (local.get $acc) (then (local.set $c3 (f32x4.add (local.get $c3) (v128.load (local.get $cp))))))
        (if (i32.eq (local.get $n) (i32.const 4))
          (then (v128.store (local.get $cp) (local.get $c3)))
          (else
            (v128.store32_lane 0 (local.get $cp) (local.get $c3))
            (if (i32.gt_u (local.get $n) (i32.const 1)) (then (v128.store32_lane offset=4 1 (local.get $cp) (local.get $c3))))
            (if (i32.gt_u (local.get $n) (i32.const 2)) (then (v128.store32_lane offset=8 2 (local.get $cp) (local.get $c3))))))
        (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $done1
      (loop $rows1
        (br_if $done1 (i32.ge_s (local.get $i) (local.get $m)))
        (local.set $c0 (local.get $h))
        (local.set $x0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
        (local.set $row (i32.add (local.get $panel) (i32.const 16)))
        (local.set $p (local.get $k))
        (loop $reduce
          (local.set $av (v128.load32_splat (local.get $x0)))
          (local.set $bv (v128.load (local.get $row)))
          (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $av) (local.get $bv))))
          (local.set $x0 (i32.add (local.get $x0) (local.get $ap)))
          (local.set $row (i32.add (local.get $row) (i32.const 16)))
          (br_if $reduce (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (if (local.get $acc) (then (local.set $c0 (f32x4.add (local.get $c0) (v128.load (local.get $cp))))))
        (if (i32.eq (local.get $n) (i32.const 4))
          (then (v128.store (local.get $cp) (local.get $c0)))
          (else
            (v128.store32_lane 0 (local.get $cp) (local.get $c0))
            (if (i32.gt_u (local.get $n) (i32.const 1)) (then (v128.store32_lane offset=4 1 (local.get $cp) (local.get $c0))))
            (if (i32.gt_u (local.get $n) (i32.const 2)) (then (v128.store32_lane offset=8 2 (local.get $cp) (local.get $c0))))))
        (local.set $cp (i32.add (local.get $cp) (local.get $nb)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows1))))

;; C[m×n] (+)= A·B (+ bias), float32: packs B(p,j) = b[p*bp + j*bj] at panel and, for n > 4, A
  ;; right after B's panels, then multiplies. Narrow products (n ≤ 4) read A where it is.
  (func (export "matmul_f32") (param $a i32) (param $ai i32) (param $ap i32) (param $b i32) (param $bp i32) (param $bj i32)
      (param $bias i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $acc i32) (param $panel i32)
      (param $y i32) (param $leaky i32) (param $slope f64)
    (local $pa i32)
    (call $pack (local.get $b) (local.get $bp) (local.get $bj) (local.get $k) (local.get $n) (local.get $bias) (local.get $panel))
    (if (i32.le_s (local.get $m) (i32.const 0)) (then (return)))
    (if (i32.le_s (local.get $n) (i32.const 4))
      (then (call $gemm4_f32 (local.get $a) (local.get $ai) (local.get $ap) (local.get $panel) (local.get $c)
        (local.get $m) (local.get $k) (local.get $n) (local.get $acc)))
      (else
        ;; ⌈n/8⌉ panels of (1 + k) rows of 32 bytes
        (local.set $pa (i32.add (local.get $panel) (i32.mul (i32.shr_u (i32.add (local.get $n) (i32.const 7)) (i32.const 3))
          (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 5)))))
        (call $pack_a_f32 (local.get $a) (local.get $ai) (local.get $ap) (local.get $m) (local.get $k) (local.get $pa))
        (call $gemm_f32 (local.get $pa) (local.get $panel) (local.get $c) (local.get $m) (local.get $k) (local.get $n) (local.get $acc)
          (local.get $y) (local.get $leaky) (local.get $slope)))))

  ;; The parts of matmul_f32, for threads: one thread packs B (and, for n > 4, A), then each
  ;; multiplies its own rows into its own rows of C (a, c and m say which) against the same panels.
  (func $pack (export "pack_f32") (param $b i32) (param $bp i32) (param $bj i32) (param $k i32) (param $n i32) (param $bias i32) (param $panel i32)
    (if (i32.le_s (local.get $n) (i32.const 4))
      (then (call $pack4_f32 (local.get $b) (local.get $bp) (local.get $bj) (local.get $k) (local.get $n) (local.get $bias) (local.get $panel)))
      (else (call $pack_f32 (local.get $b) (local.get $bp) (local.get $bj) (local.get $k) (local.get $n) (local.get $bias) (local.get $panel)))))

  (func (export "pack_a_f32") (param $a i32) (param $ai i32) (param $ap i32) (param $m i32) (param $k i32) (param $out i32)
    (if (i32.gt_s (local.get $m) (i32.const 0))
      (then (call $pack_a_f32 (local.get $a) (local.get $ai) (local.get $ap) (local.get $m) (local.get $k) (local.get $out)))))

  ;; For n ≤ 4, A(i,p) = a[i*ai + p*ap]; for n > 4, A is packed by pack_a_f32 at a and ai/ap are
  ;; not read (callers splitting rows pass ai = 4k: row block i/4 starts at a + i*ai).
  (func $gemm (export "gemm_f32") (param $a i32) (param $ai i32) (param $ap i32) (param $panel i32) (param $c i32)
      (param $m i32) (param $k i32) (param $n i32) (param $acc i32)
    (if (i32.le_s (local.get $m) (i32.const 0)) (then (return)))
    (if (i32.le_s (local.get $n) (i32.const 4))
      (then (call $gemm4_f32 (local.get $a) (local.get $ai) (local.get $ap) (local.get $panel) (local.get $c)
        (local.get $m) (local.get $k) (local.get $n) (local.get $acc)))
      (else (call $gemm_f32 (local.get $a) (local.get $panel) (local.get $c) (local.get $m) (local.get $k) (local.get $n) (local.get $acc)
        (i32.const 0) (i32.const 0) (f64.const 0)))))

  ;; C[m×n] (+)= A·B (+ bias), float64, scalar: C(i,j) = C(i,j) + (bias[j] + Σp A(i,p)·B(p,j)).
  (func (export "matmul_f64") (param $a i32) (param $ai i32) (param $ap i32) (param $b i32) (param $bp i32) (param $bj i32)
      (param $bias i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $acc i32)
    (local $i i32) (local $j i32) (local $p i32) (local $pa i32) (local $pb i32) (local $s f64)
    (loop $rows
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $s (f64.const 0))
        (if (local.get $bias)
          (then (local.set $s (f64.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $ai))))
        (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $bj))))
        (local.set $p (local.get $k))
        (loop $reduce
          (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $pa)) (f64.load (local.get $pb)))))
          (local.set $pa (i32.add (local.get $pa) (local.get $ap)))
          (local.set $pb (i32.add (local.get $pb) (local.get $bp)))
          (br_if $reduce (local.tee $p (i32.sub (local.get $p) (i32.const 1)))))
        (local.set $pa (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
        (if (local.get $acc)
          (then (local.set $s (f64.add (f64.load (local.get $pa)) (local.get $s)))))
        (f64.store (local.get $pa) (local.get $s))
        (br_if $cols (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $n))))
      (br_if $rows (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $m)))))

  ;; db[cols] (+)= column sums of dy[rows×cols] (float32), each summed in float64, row by row
  ;; (the order of the TypeScript backend, so the same bits), four columns at a time. Reads up to
  ;; three floats past a row's last column (the plan leaves slack); writes only real columns.
  (func (export "sum_rows_f32") (param $dy i32) (param $db i32) (param $rows i32) (param $cols i32) (param $acc i32)
    (local $j i32) (local $i i32) (local $p i32) (local $w i32) (local $stride i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (loop $blocks
      (local.set $lo (v128.const i32x4 0 0 0 0))
      (local.set $hi (v128.const i32x4 0 0 0 0))
      (local.set $p (i32.add (local.get $dy) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $i (local.get $rows))
      (loop $sum
        (local.set $v (v128.load (local.get $p)))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi)
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
        (local.set $p (i32.add (local.get $p) (local.get $stride)))
        (br_if $sum (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
      (local.set $p (i32.add (local.get $db) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $w (i32.sub (local.get $cols) (local.get $j)))
      (f32.store (local.get $p) (f32.demote_f64 (if (result f64) (local.get $acc)
          (then (f64.add (f64.promote_f32 (f32.load (local.get $p))) (f64x2.extract_lane 0 (local.get $lo))))
          (else (f64x2.extract_lane 0 (local.get $lo))))))
      (if (i32.gt_s (local.get $w) (i32.const 1))
        (then (f32.store offset=4 (local.get $p) (f32.demote_f64 (if (result f64) (local.get $acc)
          (then (f64.add (f64.promote_f32 (f32.load offset=4 (local.get $p))) (f64x2.extract_lane 1 (local.get $lo))))
          (else (f64x2.extract_lane 1 (local.get $lo))))))))
      (if (i32.gt_s (local.get $w) (i32.const 2))
        (then (f32.store offset=8 (local.get $p) (f32.demote_f64 (if (result f64) (local.get $acc)
          (then (f64.add (f64.promote_f32 (f32.load offset=8 (local.get $p))) (f64x2.extract_lane 0 (local.get $hi))))
          (else (f64x2.extract_lane 0 (local.get $hi))))))))
      (if (i32.gt_s (local.get $w) (i32.const 3))
        (then (f32.store offset=12 (local.get $p) (f32.demote_f64 (if (result f64) (local.get $acc)
          (then (f64.add (f64.promote_f32 (f32.load offset=12 (local.get $p))) (f64x2.extract_lane 1 (local.get $hi))))
          (else (f64x2.extract_lane 1 (local.get $hi))))))))
      (br_if $blocks (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 4))) (local.get $cols)))))

  ;; The same for float64.
  (func (export "sum_rows_f64") (param $dy i32) (param $db i32) (param $rows i32) (param $cols i32) (param $acc i32)
    (local $j i32) (local $i i32) (local $p i32) (local $s f64) (local $stride i32)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 3)))
    (loop $cols
      (local.set $s (f64.const 0))
      (local.set $p (i32.add (local.get $dy) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $i (local.get $rows))
      (loop $sum
        (local.set $s (f64.add (local.get $s) (f64.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $stride)))
        (br_if $sum (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
      (local.set $p (i32.add (local.get $db) (i32.shl (local.get $j) (i32.const 3))))
      (if (local.get $acc)
        (then (local.set $s (f64.add (f64.load (local.get $p)) (local.get $s)))))
      (f64.store (local.get $p) (local.get $s))
      (br_if $cols (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $cols)))))

  ;; All ones where flag is set: selects between two computed values without a branch.
  (func $mask (param $flag i32) (result v128)
    (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (i32.ne (local.get $flag) (i32.const 0))))))

  ;; SGD without momentum: p -= lr · (g + wd·p), with g alone when wd = 0.
  (func (export "sgd") (param $p i32) (param $g i32) (param $n i32) (param $lr f64) (param $wd f64)
    (local $end i32) (local $lr2 v128) (local $wd2 v128) (local $vp v128) (local $vg v128) (local $wdMask v128)
    (local.set $wdMask (call $mask (f64.ne (local.get $wd) (f64.const 0))))
    (local.set $lr2 (f64x2.splat (local.get $lr)))
    (local.set $wd2 (f64x2.splat (local.get $wd)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $vp (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        (local.set $vg (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $g))))
        (local.set $vg (v128.bitselect
          (f64x2.add (local.get $vg) (f64x2.mul (local.get $wd2) (local.get $vp)))
          (local.get $vg) (local.get $wdMask)))
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.sub (local.get $vp) (f64x2.mul (local.get $lr2) (local.get $vg)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (br $each))))

  ;; SGD with momentum (PyTorch: the buffer starts as the first gradient, undamped), optionally
  ;; Nesterov; damp1 = 1 − dampening.
  (func (export "sgd_momentum") (param $p i32) (param $g i32) (param $buf i32) (param $n i32)
      (param $lr f64) (param $wd f64) (param $momentum f64) (param $damp1 f64) (param $first i32) (param $nesterov i32)
    (local $end i32) (local $damp12 v128) (local $lr2 v128) (local $momentum2 v128) (local $wd2 v128) (local $vp v128) (local $vg v128) (local $b v128) (local $bf v128)
    (local $wdMask v128) (local $firstMask v128) (local $nesterovMask v128)
    (local $x v128) (local $y v128) (local $z v128) (local $lo v128) (local $hi v128) (local $b32 v128)
    (local.set $wdMask (call $mask (f64.ne (local.get $wd) (f64.const 0))))
    (local.set $firstMask (call $mask (local.get $first)))
    (local.set $nesterovMask (call $mask (local.get $nesterov)))
    (local.set $damp12 (f64x2.splat (local.get $damp1)))
    (local.set $lr2 (f64x2.splat (local.get $lr)))
    (local.set $momentum2 (f64x2.splat (local.get $momentum)))
    (local.set $wd2 (f64x2.splat (local.get $wd)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    ;; The usual case (no weight decay, not the first step, not Nesterov) four parameters at a
    ;; time, each half promoted to f64x2: the same operations in the same order as below, fewer
    ;; loads, stores and selects. What is left (n mod 4) goes through the general loop.
    (if (i32.eqz (i32.or (i32.or (f64.ne (local.get $wd) (f64.const 0)) (local.get $first)) (local.get $nesterov)))
      (then
        (block $done4
          (loop $each4
            (br_if $done4 (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
            (local.set $x (v128.load (local.get $p)))
            (local.set $y (v128.load (local.get $g)))
            (local.set $z (v128.load (local.get $buf)))
            ;; b = momentum·buf + (1 − dampening)·g
            (local.set $lo (f64x2.add
              (f64x2.mul (local.get $momentum2) (f64x2.promote_low_f32x4 (local.get $z)))
              (f64x2.mul (local.get $damp12) (f64x2.promote_low_f32x4 (local.get $y)))))
            (local.set $hi (f64x2.add
              (f64x2.mul (local.get $momentum2) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $z) (local.get $z))))
              (f64x2.mul (local.get $damp12) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $y) (local.get $y))))))
            (local.set $b32 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
              (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
            (v128.store (local.get $buf) (local.get $b32))
            ;; p −= lr · b, with b as stored (float32)
            (local.set $lo (f64x2.sub (f64x2.promote_low_f32x4 (local.get $x))
              (f64x2.mul (local.get $lr2) (f64x2.promote_low_f32x4 (local.get $b32)))))
            (local.set $hi (f64x2.sub (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x)))
              (f64x2.mul (local.get $lr2) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $b32) (local.get $b32))))))
            (v128.store (local.get $p) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
              (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $buf (i32.add (local.get $buf) (i32.const 16)))
            (br $each4)))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $vp (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        (local.set $vg (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $g))))
        (local.set $vg (v128.bitselect
          (f64x2.add (local.get $vg) (f64x2.mul (local.get $wd2) (local.get $vp)))
          (local.get $vg) (local.get $wdMask)))
        (local.set $b (v128.bitselect
          (local.get $vg)
          (f64x2.add
            (f64x2.mul (local.get $momentum2) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $buf))))
            (f64x2.mul (local.get $damp12) (local.get $vg)))
          (local.get $firstMask)))
        (v128.store64_lane 0 (local.get $buf) (f32x4.demote_f64x2_zero (local.get $b)))
        (local.set $bf (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $b))))
        (local.set $bf (v128.bitselect
          (f64x2.add (local.get $vg) (f64x2.mul (local.get $momentum2) (local.get $bf)))
          (local.get $bf) (local.get $nesterovMask)))
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.sub (local.get $vp) (f64x2.mul (local.get $lr2) (local.get $bf)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (local.set $buf (i32.add (local.get $buf) (i32.const 8)))
        (br $each))))

;; Σ x² over n float32 values, in float64 (four running sums, two f64x2): the plan's health norms.
  (func (export "sum_squares_f32") (param $x i32) (param $n i32) (result f64)
    (local $end i32) (local $end4 i32) (local $v v128) (local $lo v128) (local $hi v128) (local $s f64)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (local.set $lo (v128.const f64x2 0 0))
    (local.set $hi (v128.const f64x2 0 0))
    (block $done4
      (loop $each4
        (br_if $done4 (i32.ge_u (local.get $x) (local.get $end4)))
        (local.set $v (v128.load (local.get $x)))
        (local.set $v (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (v128.load (local.get $x)) (v128.load (local.get $x)))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $each4)))
    (local.set $lo (f64x2.add (local.get $lo) (local.get $hi)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.promote_f32 (f32.load (local.get $x))) (f64.promote_f32 (f32.load (local.get $x))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (br $each)))
    (local.get $s))

  ;; Adam and AdamW: decoupled = 1 − lr·wd for AdamW (else 1), coupled = wd for Adam (else 0),
  ;; stepSize = lr / (1 − β1^t), bc2Sqrt = √(1 − β2^t).
  (func (export "adam") (param $p i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
      (param $stepSize f64) (param $b1 f64) (param $omb1 f64) (param $b2 f64) (param $omb2 f64)
      (param $bc2Sqrt f64) (param $eps f64) (param $decoupled f64) (param $coupled f64)
    (local $end i32) (local $b12 v128) (local $b22 v128) (local $bc2Sqrt2 v128) (local $coupled2 v128) (local $decoupled2 v128) (local $eps2 v128) (local $omb12 v128) (local $omb22 v128) (local $stepSize2 v128) (local $vp v128) (local $vg v128) (local $mi v128) (local $vi v128) (local $coupledMask v128)
    (local.set $coupledMask (call $mask (f64.ne (local.get $coupled) (f64.const 0))))
    (local.set $b12 (f64x2.splat (local.get $b1)))
    (local.set $b22 (f64x2.splat (local.get $b2)))
    (local.set $bc2Sqrt2 (f64x2.splat (local.get $bc2Sqrt)))
    (local.set $coupled2 (f64x2.splat (local.get $coupled)))
    (local.set $decoupled2 (f64x2.splat (local.get $decoupled)))
    (local.set $eps2 (f64x2.splat (local.get $eps)))
    (local.set $omb12 (f64x2.splat (local.get $omb1)))
    (local.set $omb22 (f64x2.splat (local.get $omb2)))
    (local.set $stepSize2 (f64x2.splat (local.get $stepSize)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; p·1 is p exactly, so AdamW's decay needs no branch.
        (local.set $vp (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))) (local.get $decoupled2)))))
        (local.set $vg (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $g))))
        (local.set $vg (v128.bitselect
          (f64x2.add (local.get $vg) (f64x2.mul (local.get $coupled2) (local.get $vp)))
          (local.get $vg) (local.get $coupledMask)))
        (local.set $mi (f64x2.add
          (f64x2.mul (local.get $b12) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $m))))
          (f64x2.mul (local.get $omb12) (local.get $vg))))
        (v128.store64_lane 0 (local.get $m) (f32x4.demote_f64x2_zero (local.get $mi)))
        (local.set $vi (f64x2.add
          (f64x2.mul (local.get $b22) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $v))))
          (f64x2.mul (f64x2.mul (local.get $omb22) (local.get $vg)) (local.get $vg))))
        (v128.store64_lane 0 (local.get $v) (f32x4.demote_f64x2_zero (local.get $vi)))
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.sub (local.get $vp)
            (f64x2.div
              (f64x2.mul (local.get $stepSize2) (local.get $mi))
              (f64x2.add (f64x2.div (f64x2.sqrt (local.get $vi)) (local.get $bc2Sqrt2)) (local.get $eps2))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (local.set $m (i32.add (local.get $m) (i32.const 8)))
        (local.set $v (i32.add (local.get $v) (i32.const 8)))
        (br $each))))

  ;; RMSprop, optionally centered and with momentum; oma = 1 − α. avg and buf are only touched
  ;; when centered and momentum are on.
  (func (export "rmsprop") (param $p i32) (param $g i32) (param $sq i32) (param $avg i32) (param $buf i32) (param $n i32)
      (param $lr f64) (param $wd f64) (param $alpha f64) (param $oma f64) (param $eps f64) (param $momentum f64)
      (param $centered i32) (param $useMomentum i32)
    (local $end i32) (local $alpha2 v128) (local $eps2 v128) (local $lr2 v128) (local $momentum2 v128) (local $oma2 v128) (local $wd2 v128) (local $vp v128) (local $vg v128) (local $s v128) (local $a v128) (local $denom v128) (local $b v128)
    (local $wdMask v128)
    (local.set $wdMask (call $mask (f64.ne (local.get $wd) (f64.const 0))))
    (local.set $alpha2 (f64x2.splat (local.get $alpha)))
    (local.set $eps2 (f64x2.splat (local.get $eps)))
    (local.set $lr2 (f64x2.splat (local.get $lr)))
    (local.set $momentum2 (f64x2.splat (local.get $momentum)))
    (local.set $oma2 (f64x2.splat (local.get $oma)))
    (local.set $wd2 (f64x2.splat (local.get $wd)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $vp (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        (local.set $vg (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $g))))
        (local.set $vg (v128.bitselect
          (f64x2.add (local.get $vg) (f64x2.mul (local.get $wd2) (local.get $vp)))
          (local.get $vg) (local.get $wdMask)))
        (local.set $s (f64x2.add
          (f64x2.mul (local.get $alpha2) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $sq))))
          (f64x2.mul (f64x2.mul (local.get $oma2) (local.get $vg)) (local.get $vg))))
        (v128.store64_lane 0 (local.get $sq) (f32x4.demote_f64x2_zero (local.get $s)))
        (if (local.get $centered)
          (then
            (local.set $a (f64x2.add
              (f64x2.mul (local.get $alpha2) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $avg))))
              (f64x2.mul (local.get $oma2) (local.get $vg))))
            (v128.store64_lane 0 (local.get $avg) (f32x4.demote_f64x2_zero (local.get $a)))
            (local.set $denom (f64x2.add
              (f64x2.sqrt (f64x2.sub (local.get $s) (f64x2.mul (local.get $a) (local.get $a))))
              (local.get $eps2)))
            (local.set $avg (i32.add (local.get $avg) (i32.const 8))))
          (else
            (local.set $denom (f64x2.add (f64x2.sqrt (local.get $s)) (local.get $eps2)))))
        (if (local.get $useMomentum)
          (then
            (local.set $b (f64x2.add
              (f64x2.mul (local.get $momentum2) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $buf))))
              (f64x2.div (local.get $vg) (local.get $denom))))
            (v128.store64_lane 0 (local.get $buf) (f32x4.demote_f64x2_zero (local.get $b)))
            (local.set $vp (f64x2.sub (local.get $vp) (f64x2.mul (local.get $lr2) (local.get $b))))
            (local.set $buf (i32.add (local.get $buf) (i32.const 8))))
          (else
            (local.set $vp (f64x2.sub (local.get $vp)
              (f64x2.div (f64x2.mul (local.get $lr2) (local.get $vg)) (local.get $denom))))))
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (local.get $vp)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $g (i32.add (local.get $g) (i32.const 8)))
        (local.set $sq (i32.add (local.get $sq) (i32.const 8)))
        (br $each))))

  ;; ReLU and LeakyReLU forward over n float32: y = x > 0 ? x : x·slope, with the product in
  ;; float64 and rounded once, as the TypeScript op computes it (ReLU writes +0, not x·0 = −0).
  ;; Branch-free: the sign of x is data, and a mispredicted branch per element costs more than
  ;; the arithmetic.
  (func (export "rectify_f32") (param $x i32) (param $y i32) (param $n i32) (param $leaky i32) (param $slope f64)
    (local $end i32) (local $v v128) (local $mask v128) (local $s v128) (local $f f32)
    (local.set $s (f64x2.splat (local.get $slope)))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $v (v128.load (local.get $x)))
        (local.set $mask (f32x4.gt (local.get $v) (f32x4.splat (f32.const 0))))
        (if (local.get $leaky)
          (then
            (v128.store (local.get $y) (v128.bitselect (local.get $v)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (local.get $s)))
                (f32x4.demote_f64x2_zero (f64x2.mul
                  (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
                  (local.get $s))))
              (local.get $mask))))
          (else (v128.store (local.get $y) (v128.and (local.get $v) (local.get $mask)))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $each)))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $f (f32.load (local.get $x)))
        (f32.store (local.get $y)
          (if (result f32) (f32.gt (local.get $f) (f32.const 0))
            (then (local.get $f))
            (else (if (result f32) (local.get $leaky)
              (then (f32.demote_f64 (f64.mul (f64.promote_f32 (local.get $f)) (local.get $slope))))
              (else (f32.const 0))))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $tail))))

  ;; Their backward: dx (+)= x > 0 ? dy : dy·slope (slope 0 for ReLU), in float64 and rounded
  ;; once, as the TypeScript op computes it.
  (func (export "rectify_backward_f32") (param $x i32) (param $dy i32) (param $dx i32) (param $n i32) (param $slope f64) (param $acc i32)
    (local $end i32) (local $v v128) (local $mask v128) (local $s v128) (local $lo v128) (local $hi v128) (local $d f64)
    (local.set $s (f64x2.splat (local.get $slope)))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $mask (f32x4.gt (v128.load (local.get $x)) (f32x4.splat (f32.const 0))))
        (local.set $v (v128.load (local.get $dy)))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        (local.set $lo (v128.bitselect (local.get $lo) (f64x2.mul (local.get $lo) (local.get $s)) (i64x2.extend_low_i32x4_s (local.get $mask))))
        (local.set $hi (v128.bitselect (local.get $hi) (f64x2.mul (local.get $hi) (local.get $s)) (i64x2.extend_high_i32x4_s (local.get $mask))))
        (if (local.get $acc)
          (then
            (local.set $v (v128.load (local.get $dx)))
            (local.set $lo (f64x2.add (f64x2.promote_low_f32x4 (local.get $v)) (local.get $lo)))
            (local.set $hi (f64x2.add
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
              (local.get $hi)))))
        (v128.store (local.get $dx) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 16)))
        (br $each)))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $d (f64.promote_f32 (f32.load (local.get $dy))))
        (if (i32.eqz (f32.gt (f32.load (local.get $x)) (f32.const 0)))
          (then (local.set $d (f64.mul (local.get $d) (local.get $slope)))))
        (if (local.get $acc)
          (then (local.set $d (f64.add (f64.promote_f32 (f32.load (local.get $dx))) (local.get $d)))))
        (f32.store (local.get $dx) (f32.demote_f64 (local.get $d)))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 4)))
        (br $tail))))
)
