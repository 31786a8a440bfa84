import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, codeActions, diagnosticFor, diagnosticsWhere, hoverText, openDraft, rangeOf, termlintDiagnostics, workspaceFile,
} from './editor';

/** A TBX export, as a terminologist's tool writes it, dropped into the workspace while VS Code runs. */
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="zhuhai">
      <langSec xml:lang="en-US">
        <termSec><term>Zhuhai</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>Chuhai</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><note>Postal romanization.</note></termSec>
      </langSec>
      <langSec xml:lang="zh-TW"><termSec><term>珠海市</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`;

/** A spreadsheet of the team's own: an exception for the glossary's Macao, which forbids "Macau". */
const CSV = 'en,en:forbidden,exceptions\nMacao,Macau,University of Macau\n';

const encode = (s: string) => new TextEncoder().encode(s);

/** Termlint's diagnostics of a file that is not open, once `accept` holds for them (checked on every change). */
function fileDiagnostics(uri: vscode.Uri, what: string, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = termlintDiagnostics(uri);
      if (!accept(d)) return;
      done();
      resolve(d);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}; diagnostics: ${JSON.stringify(termlintDiagnostics(uri).map((d) => d.message))}`));
    }, 30_000);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

describe('TBX and CSV term lists in the workspace', () => {
  const tbx = workspaceFile('delta.tbx');
  const csv = workspaceFile('names.terms.csv');
  after(async () => {
    await closeAllEditors();
    for (const uri of [tbx, csv]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('a TBX file written into the workspace is used: its forbidden term is flagged, its languages hovered', async () => {
    const { document } = await openDraft('tbx-draft.md', 'Ferries from Chuhai reach Macau.\n');
    await diagnosticFor(document, 'forbidden', 'Macau');
    await vscode.workspace.fs.writeFile(tbx, encode(TBX));
    await diagnosticFor(document, 'forbidden', 'Chuhai');
    const text = await hoverText(document.uri, rangeOf(document, 'Chuhai').start.translate(0, 2), (t) => t.includes('Zhuhai'));
    for (const part of ['superseded', 'Postal romanization', 'zh-Hant', '珠海市']) assert.ok(text.includes(part), `"${part}" is not in the hover: ${text}`);
  });

  it('a broken TBX file gets its own diagnostic at the fault, the last good list is kept, and fixing it clears it', async () => {
    const { document } = await openDraft('tbx-broken.md', 'Boats to Chuhai.\n');
    await diagnosticFor(document, 'forbidden', 'Chuhai');
    const broken = TBX.replace('<term>Chuhai</term>', '<term>Chuhai</trem>');
    await vscode.workspace.fs.writeFile(tbx, encode(broken));
    const [problem] = await fileDiagnostics(tbx, 'a problem in the TBX file', (d) => d.length > 0);
    assert.equal(problem!.message, 'Malformed XML: </trem> does not close <term>');
    assert.equal(problem!.range.start.line, broken.slice(0, broken.indexOf('</trem>')).split('\n').length - 1);
    // The draft is still checked against the last good list.
    assert.ok(termlintDiagnostics(document.uri).some((d) => document.getText(d.range) === 'Chuhai'));
    await vscode.workspace.fs.writeFile(tbx, encode(TBX));
    await fileDiagnostics(tbx, 'the TBX problem to go', (d) => d.length === 0);
  });

  it('an exception from a CSV list keeps an official name from being flagged or fixed', async () => {
    await vscode.workspace.fs.writeFile(csv, encode(CSV));
    const { document } = await openDraft('csv-draft.md', 'She teaches at the University of Macau, in Macau.\n');
    await diagnosticsWhere(document, 'one finding, the second "Macau"', (d) => d.length === 1 && d[0]!.range.start.character === document.getText().lastIndexOf('Macau'));
    const [fixAll] = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.append('termlint'));
    assert.ok(fixAll?.edit && (await vscode.workspace.applyEdit(fixAll.edit)));
    assert.equal(document.getText(), 'She teaches at the University of Macau, in Macao.\n');
    const text = await hoverText(document.uri, rangeOf(document, 'Macau').start.translate(0, 1), (t) => t.includes('exception'));
    assert.ok(text.includes('University of Macau'), text);
  });
});
