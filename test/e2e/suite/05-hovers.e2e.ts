/**
 * Hovers that need more than the token under the cursor: the SPF engine resolves the `mx` of the
 * repaired record through the zone file (MX mail.example.jp. → its A record), and the RTX
 * simulator tells, on the WAN's secure-filter line, what happens to common flows from the LAN.
 */
import * as assert from 'assert';
import { exampleUri, hoverAt, openEditor, rangeIn, revertAndClose, screenshotHover } from './helpers';

suite('hovers backed by the SPF engine and the filter simulator', () => {
  test('fixed zone: hover on mx lists the address the MX host resolves to in the zone', async () => {
    const uri = exampleUri('fixed/example.jp.zone');
    const { doc, editor } = await openEditor(uri);
    try {
      const record = '"v=spf1 ip4:203.0.113.25 mx -all"';
      const at = rangeIn(doc, record, ' mx ').start.translate(0, 2); // inside "mx"
      const text = await hoverAt(uri, at);
      assert.match(text, /`mx`/, `hover on mx should describe the mx mechanism, got: ${JSON.stringify(text)}`);
      assert.match(text, /203\.0\.113\.25/, `hover on mx should name 203.0.113.25 (mail.example.jp's address in the zone), got: ${JSON.stringify(text)}`);
      assert.match(text, /mail\.example\.jp/, `hover on mx should name the MX host, got: ${JSON.stringify(text)}`);
      await screenshotHover(editor, at, 'spf-mx-hover');
    } finally {
      await revertAndClose(uri);
    }
  });

  test('fixed router: hover on the WAN out list shows the verdict table, SMTP rejected by filter 42', async () => {
    const uri = exampleUri('fixed/router.rtx');
    const { doc, editor } = await openEditor(uri);
    try {
      const at = rangeIn(doc, 'ip pp secure filter out 41 42', 'secure').start.translate(0, 2);
      const text = await hoverAt(uri, at);
      assert.match(text, /\| Flow \| This list \| Deciding filter \|/, `hover on the out list should have a verdict table, got: ${JSON.stringify(text)}`);
      assert.match(text, /\| TCP 25 \(SMTP\) \| reject \| 42 \|/, `the table should show SMTP rejected by filter 42, got: ${JSON.stringify(text)}`);
      await screenshotHover(editor, at, 'rtx-verdict-hover');
    } finally {
      await revertAndClose(uri);
    }
  });
});
