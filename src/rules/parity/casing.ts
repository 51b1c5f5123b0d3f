/** Keyword and stage-name casing (BuildKit's StageNameCasing, FromAsCasing, ConsistentInstructionCasing). */
import { defineRule } from '../../engine/rule.js';
import type { Instruction } from '../../parser/ast.js';
import { casingOf, inCase } from './util.js';

export const stageNameNotLowercase = defineRule({
  name: 'stage-name-not-lowercase',
  practices: [],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['StageNameCasing'],
  summary: 'A stage name with upper-case letters',
  docs: {
    what: 'Reports `FROM … AS Name` when the stage name is not all lower-case.',
    why: 'BuildKit lower-cases stage names: `COPY --from=Builder` and `--from=builder` both find it, but `FROM Builder` does not (it is looked up as an image and pulled from Docker Hub). Lower-case names avoid that trap.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim AS Builder\n' }],
    good: [{ code: 'FROM python:3.12-slim AS builder\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage || ins.args.length !== 3 || !stage.nameWord) return;
        const name = stage.nameWord.text;
        if (name === name.toLowerCase()) return;
        ctx.report({ span: stage.nameWord.span, message: `Stage name '${name}' has upper-case letters: write it as '${name.toLowerCase()}'` });
      },
    };
  },
});

export const asKeywordCasing = defineRule({
  name: 'as-keyword-casing',
  practices: [],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['FromAsCasing'],
  fixable: 'safe',
  summary: "The `AS` of a FROM is not written in the same case as `FROM`",
  docs: {
    what: 'Reports `FROM image as name` (or `from image AS name`): the `AS` keyword in a different case from the `FROM` keyword. A mixed-case `From` is left to `instruction-casing-inconsistent`.',
    why: 'Both spellings work, but a file that mixes them reads as careless and makes searching for stages (`grep "AS "`) unreliable.',
    fixSafety: 'Safe: keywords are case-insensitive, the build does not change.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim as build\n' }, { code: 'from python:3.12-slim AS build\n' }],
    good: [{ code: 'FROM python:3.12-slim AS build\n' }, { code: 'from python:3.12-slim as build\n' }],
    fixed: [{ input: 'FROM python:3.12-slim as build\n', output: 'FROM python:3.12-slim AS build\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'FROM' || ins.args.length < 3) return;
        const as = ins.args[1];
        if (!as || as.text.toLowerCase() !== 'as') return;
        const from = casingOf(ins.keyword.text);
        if (from === 'mixed' || casingOf(as.text) === from) return;
        const want = inCase(as.text, from);
        ctx.report({
          span: as.span,
          message: `'${as.text}' does not match the case of '${ins.keyword.text}': write '${want}'`,
          fix: { safety: 'safe', title: `Write \`${want}\``, edits: [{ start: as.span.start, end: as.span.end, text: want }] },
        });
      },
    };
  },
});

export const instructionCasingInconsistent = defineRule({
  name: 'instruction-casing-inconsistent',
  practices: [],
  severity: 'warning',
  aliases: ['ConsistentInstructionCasing'],
  fixable: 'safe',
  summary: 'Instruction keywords in mixed case, or not in the case most of the file uses',
  docs: {
    what: 'Counts the instruction keywords written all upper-case and all lower-case (global ARGs before the first FROM are left out, as BuildKit does) and reports every keyword that is not in the majority case; a keyword in mixed case (`From`) is always reported. A tie counts as upper-case.',
    why: 'Keywords are case-insensitive, so mixing cases is only noise; one consistent case (upper-case by convention) lets readers tell instructions from arguments at a glance.',
    fixSafety: 'Safe: the keyword is rewritten in the majority case; keywords are case-insensitive.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\ncopy . /app\nRUN pip install .\n' }, { code: 'From python:3.12-slim\n' }],
    good: [{ code: 'FROM python:3.12-slim\nCOPY . /app\n' }, { code: 'from python:3.12-slim\ncopy . /app\n' }],
    fixed: [{ input: 'FROM python:3.12-slim\ncopy . /app\nRUN pip install .\n', output: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install .\n' }],
  },
  create(ctx) {
    return {
      fileEnd() {
        const counted: Instruction[] = [];
        let upper = 0;
        let lower = 0;
        for (const info of ctx.model.infos) {
          const ins = info.instruction;
          if (!info.stage || ins.name === 'UNKNOWN') continue;
          counted.push(ins);
          const c = casingOf(ins.keyword.text);
          if (c === 'upper') upper++;
          else if (c === 'lower') lower++;
        }
        const majority = lower > upper ? 'lower' : 'upper';
        for (const ins of counted) {
          const c = casingOf(ins.keyword.text);
          if (c === majority) continue;
          const want = inCase(ins.keyword.text, majority);
          ctx.report({
            span: ins.keyword.span,
            message:
              c === 'mixed'
                ? `'${ins.keyword.text}' mixes cases: write '${want}' like most instructions (${majority}case)`
                : `'${ins.keyword.text}' is ${c}case while most instructions are ${majority}case: write '${want}'`,
            fix: { safety: 'safe', title: `Write \`${want}\``, edits: [{ start: ins.keyword.span.start, end: ins.keyword.span.end, text: want }] },
          });
        }
      },
    };
  },
});
