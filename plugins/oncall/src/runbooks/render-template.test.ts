import { renderTemplate, TemplateError } from './render-template';

const context = { incident: { id: 'q1', title: 'Slow', number: 7 }, service: { id: 'cart-service', owner: null } };

test('a whole {{path}} keeps its value; inside text values become text; nesting and arrays are filled', () => {
  expect(renderTemplate({ n: '{{incident.number}}', s: 'Incident #{{incident.number}}: {{ incident.title }}', list: ['{{service.id}}'], owner: 'by {{service.owner}}' }, context, 'step')).toEqual({ n: 7, s: 'Incident #7: Slow', list: ['cart-service'], owner: 'by ' });
});

test('a path that names nothing is a TemplateError saying where', () => {
  expect(() => renderTemplate({ a: { b: '{{incident.urgency}}' } }, context, 'Step 1 inputs')).toThrow(new TemplateError('Step 1 inputs.a.b uses {{incident.urgency}}, which names nothing; known at the top: incident, service.'));
  expect(() => renderTemplate('{{constructor}}', context, 'x')).toThrow(TemplateError);
});
