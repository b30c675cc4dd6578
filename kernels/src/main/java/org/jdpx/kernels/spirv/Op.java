package org.jdpx.kernels.spirv;

/** The SPIR-V opcodes this backend emits, with their numbers from the SPIR-V 1.0 specification. */
enum Op {
    OpName(5), OpExtInstImport(11), OpExtInst(12), OpMemoryModel(14), OpEntryPoint(15), OpExecutionMode(16), OpCapability(17),
    OpTypeVoid(19), OpTypeBool(20), OpTypeInt(21), OpTypeFloat(22), OpTypeVector(23), OpTypeArray(28), OpTypePointer(32),
    OpTypeFunction(33), OpConstantTrue(41), OpConstantFalse(42), OpConstant(43), OpFunction(54), OpFunctionParameter(55),
    OpFunctionEnd(56), OpFunctionCall(57), OpVariable(59), OpLoad(61), OpStore(62), OpAccessChain(65), OpPtrAccessChain(67),
    OpCompositeExtract(81), OpConvertFToS(110), OpConvertSToF(111), OpUConvert(113), OpSConvert(114), OpFConvert(115),
    OpBitcast(124), OpSNegate(126), OpFNegate(127), OpIAdd(128), OpFAdd(129), OpISub(130), OpFSub(131), OpIMul(132),
    OpFMul(133), OpSDiv(135), OpFDiv(136), OpSRem(138), OpIsNan(156), OpLogicalEqual(164), OpLogicalNotEqual(165),
    OpLogicalOr(166), OpLogicalAnd(167), OpLogicalNot(168), OpSelect(169), OpIEqual(170), OpINotEqual(171),
    OpSGreaterThan(173), OpSGreaterThanEqual(175), OpSLessThan(177), OpSLessThanEqual(179), OpFOrdEqual(180),
    OpFUnordNotEqual(183), OpFOrdLessThan(184), OpFOrdGreaterThan(186), OpFOrdLessThanEqual(188),
    OpFOrdGreaterThanEqual(190), OpShiftRightLogical(194), OpShiftRightArithmetic(195), OpShiftLeftLogical(196),
    OpBitwiseOr(197), OpBitwiseXor(198), OpBitwiseAnd(199), OpControlBarrier(224), OpAtomicLoad(227),
    OpAtomicExchange(229), OpAtomicCompareExchange(230), OpAtomicIAdd(234), OpAtomicISub(235), OpAtomicSMin(236),
    OpAtomicSMax(238), OpAtomicAnd(240), OpAtomicOr(241), OpAtomicXor(242), OpPhi(245), OpLabel(248), OpBranch(249),
    OpBranchConditional(250), OpSwitch(251), OpReturn(253), OpReturnValue(254), OpUnreachable(255), OpDecorate(71);

    final int code;

    Op(int code) {
        this.code = code;
    }

    boolean isTerminator() {
        return this == OpBranch || this == OpBranchConditional || this == OpSwitch || this == OpReturn
                || this == OpReturnValue || this == OpUnreachable;
    }
}
