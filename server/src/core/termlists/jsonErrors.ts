/**
 * jsonc-parser's syntax errors in words a person who edits a JSON file by hand understands ("a comma is
 * missing"), instead of its codes ("CommaExpected"). Shared by term files and the project configuration.
 */
import { type ParseError, printParseErrorCode } from 'jsonc-parser';

/** By the code's name (`printParseErrorCode`): the codes are a `const enum` only the type declarations hold. */
const MESSAGES: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'This character cannot start a JSON value (text goes in double quotes)',
  InvalidNumberFormat: 'This is not a number JSON can read',
  PropertyNameExpected: 'A key in double quotes is expected here',
  ValueExpected: 'A value is expected here: text in double quotes, a number, true, false, a list [ … ] or an object { … }',
  ColonExpected: 'A colon (:) is expected after the key',
  CommaExpected: 'A comma is missing before this',
  CloseBraceExpected: 'A closing brace } is missing',
  CloseBracketExpected: 'A closing bracket ] is missing',
  EndOfFileExpected: 'Unexpected text after the end of the JSON document',
  InvalidCommentToken: 'This comment is not written as JSON with comments allows (// … or /* … */)',
  UnexpectedEndOfComment: 'This comment is never closed: */ is missing',
  UnexpectedEndOfString: 'This text is never closed: a double quote (") is missing',
  UnexpectedEndOfNumber: 'This number ends too early',
  InvalidUnicode: 'This \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'This backslash escape is not valid JSON (write \\\\ for a backslash)',
  InvalidCharacter: 'A line break or control character inside text must be escaped (\\n for a line break)',
};

/**
 * The message for one syntax error of `text`. A comma right before a closing bracket or brace gets its own:
 * the parser only says a value or key is expected there, and a trailing comma is the commonest slip.
 */
export function jsonErrorMessage(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  if (code === 'ValueExpected' || code === 'PropertyNameExpected') {
    const closer = text[error.offset];
    if (closer === ']' || closer === '}') {
      let i = error.offset - 1;
      while (i >= 0 && /\s/.test(text[i]!)) i--;
      if (text[i] === ',') return `Remove the comma before ${closer}: JSON allows none after the last item`;
    }
  }
  if (error.offset >= text.length) {
    if (code === 'ValueExpected') return 'The file ends where a value is expected: is something cut off?';
    if (code === 'CloseBraceExpected' || code === 'CloseBracketExpected') return 'The file ends before every { and [ is closed: is something cut off?';
  }
  return MESSAGES[code] ?? 'This is not valid JSON';
}
