import { withDependencies, type TemplatePlugin } from './portal-template';

const plugins: TemplatePlugin[] = [
  { package: '@portico/plugin-software-catalog', id: 'software-catalog', description: '', dependsOn: [] },
  { package: '@portico/plugin-cicd', id: 'cicd', description: '', dependsOn: ['software-catalog'] },
  { package: '@portico/plugin-runbooks', id: 'runbooks', description: '', dependsOn: ['cicd'] },
];

describe('withDependencies', () => {
  it('adds what the chosen plugins need, transitively, in the template order', () => {
    expect(withDependencies(['@portico/plugin-runbooks'], plugins)).toEqual({
      plugins: ['@portico/plugin-software-catalog', '@portico/plugin-cicd', '@portico/plugin-runbooks'],
      added: ['@portico/plugin-cicd', '@portico/plugin-software-catalog'],
    });
  });

  it('adds nothing when the choice is complete or empty', () => {
    expect(withDependencies(['@portico/plugin-cicd', '@portico/plugin-software-catalog'], plugins)).toEqual({ plugins: ['@portico/plugin-software-catalog', '@portico/plugin-cicd'], added: [] });
    expect(withDependencies([], plugins)).toEqual({ plugins: [], added: [] });
  });
});
