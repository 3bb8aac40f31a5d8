import { moduleFiles } from './module-files';

test('writes a module block with quoted strings, HCL values and an escaped interpolation', () => {
  const [main, readme] = moduleFiles({ id: 'bucket', title: 'S3 bucket', source: 'app.terraform.io/acme/bucket/aws', version: '~> 2.1', directory: 'terraform/{name}' }, 'cart-assets', 'cart-service', { versioning: true, tags: { team: 'checkout' }, prefix: '${var.x}' });
  expect(main.path).toBe('terraform/cart-assets/main.tf');
  expect(main.content).toBe('module "cart_assets" {\n  source = "app.terraform.io/acme/bucket/aws"\n  version = "~> 2.1"\n  versioning = true\n  tags = {"team":"checkout"}\n  prefix = "$${var.x}"\n}\n');
  expect(readme.path).toBe('terraform/cart-assets/README.md');
});
