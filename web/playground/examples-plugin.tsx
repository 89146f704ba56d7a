import { type GraphiQLPlugin, StarIcon, useEditorContext } from '@graphiql/react';
import { AUDIENCES, EXAMPLES, type Example } from './examples';

/** Header text that shows where a JWT goes; the service reads `Authorization: Bearer <token>`. */
export const JWT_HEADERS_TEMPLATE = '{\n  "Authorization": "Bearer <在此粘贴 JWT · paste the JWT here>"\n}';

/**
 * A GraphiQL plugin pane listing the saved example operations by user group. Choosing one puts
 * its operation and variables into the active tab (the history pane keeps what ran before).
 */
function ExamplesPane() {
  const editors = useEditorContext({ nonNull: true });

  const load = (ex: Example) => {
    editors.queryEditor?.setValue(ex.query);
    editors.variableEditor?.setValue(ex.variables ? JSON.stringify(ex.variables, null, 2) : '');
  };
  const insertJwt = () => {
    editors.headerEditor?.setValue(JWT_HEADERS_TEMPLATE);
    // Reveal the headers editor (GraphiQL's own tab button), so the user sees where to paste.
    document.querySelector<HTMLButtonElement>('.graphiql-editor-tools button[data-name="headers"]')?.click();
  };

  return (
    <div className="bangfu-examples">
      <div className="graphiql-doc-explorer-title">示例 Examples</div>
      <p className="bangfu-hint">
        点击示例载入当前标签页，再按 ▶ 运行。Click an example to load it, then run it with ▶ (Ctrl-Enter).
      </p>
      {AUDIENCES.map((a) => (
        <section key={a.id} aria-label={a.en}>
          <h3>
            {a.zh} <span lang="en">{a.en}</span>
          </h3>
          <ul>
            {EXAMPLES.filter((ex) => ex.audience === a.id).map((ex) => (
              <li key={ex.id}>
                <button type="button" id={`example-${ex.id}`} onClick={() => load(ex)}>
                  <span className="zh">{ex.zh}</span>
                  <span className="en" lang="en">
                    {ex.en}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-label="Authentication">
        <h3>
          身份令牌 <span lang="en">JWT</span>
        </h3>
        <p className="bangfu-hint">
          需要登录的操作：在 Headers 中填写 JWT（不会保存到浏览器）。For operations that need a login, put
          your JWT in the Headers editor (not stored in the browser).
        </p>
        <button type="button" id="insert-jwt-header" onClick={insertJwt}>
          <span className="zh">填写 Authorization 请求头</span>
          <span className="en" lang="en">
            Add an Authorization header
          </span>
        </button>
      </section>
    </div>
  );
}

export const examplesPlugin: GraphiQLPlugin = {
  title: '示例 Examples',
  icon: () => <StarIcon />,
  content: ExamplesPane,
};
