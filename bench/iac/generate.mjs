// Generates a deterministic corpus of Kubernetes manifests, GitHub workflows and Dockerfiles with planted
// problems, and the ground truth for the checks DevOpsLens shares with actionlint and dockerfilelint.
// Usage: node generate.mjs <out-dir> [files-per-family]
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
const perFamily = Number(process.argv[3] ?? 800);
let seed = 20261122;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const chance = (p) => rnd() < p;
const write = (rel, text) => {
  const full = path.join(out, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
};

const truth = { workflows: 0, dockerfiles: 0, manifests: 0, untrustedExpressionsInRun: 0, unpinnedBaseImages: 0, stageReferences: 0 };
const services = ['orders', 'billing', 'catalog', 'search', 'shipping', 'identity', 'payments', 'notifications'];

for (let i = 0; i < perFamily; i++) {
  const svc = pick(services) + '-' + i;
  // Kubernetes manifest
  const tag = pick(['1.4.2', '2.0.0', 'latest', null, '3.1.7-alpine']);
  const image = 'registry.example.com/' + svc + (tag ? ':' + tag : '');
  const resources = chance(0.6) ? '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n' : '';
  const probes = chance(0.5) ? '          readinessProbe:\n            httpGet:\n              path: /healthz/ready\n              port: 8080\n          livenessProbe:\n            httpGet:\n              path: /healthz/live\n              port: 8080\n' : '';
  const security = chance(0.5) ? '      securityContext:\n        runAsNonRoot: true\n' : '';
  const env = chance(0.2) ? '          env:\n            - name: DB_PASSWORD\n              value: "pw-' + Math.floor(rnd() * 1e9) + '-x"\n' : '';
  const privileged = chance(0.05) ? '          securityContext:\n            privileged: true\n' : '';
  write(`deploy/${svc}/deployment.yaml`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc}\nspec:\n  replicas: ${pick([1, 2, 3])}\n  selector:\n    matchLabels:\n      app: ${svc}\n  template:\n    metadata:\n      labels:\n        app: ${svc}\n    spec:\n${security}      containers:\n        - name: ${svc}\n          image: ${image}\n          ports:\n            - containerPort: 8080\n${resources}${probes}${env}${privileged}` +
    `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${svc}\nspec:\n  selector:\n    app: ${svc}\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
  truth.manifests++;

  // GitHub workflow
  const untrusted = ['github.event.issue.title', 'github.event.pull_request.title', 'github.head_ref', 'github.event.comment.body', 'github.event.head_commit.message'];
  const steps = ['      - uses: actions/checkout@v4\n'];
  steps.push(chance(0.5) ? '      - uses: docker/setup-buildx-action@v3\n' : '      - uses: docker/setup-buildx-action@c47758b77c9736f4b2ef4073d4d51994fabfe349 # v3.7.1\n');
  const injections = chance(0.3) ? 1 + Math.floor(rnd() * 2) : 0;
  for (let k = 0; k < injections; k++) {
    steps.push(`      - run: echo "Processing \${{ ${pick(untrusted)} }}"\n`);
    truth.untrustedExpressionsInRun++;
  }
  steps.push(`      - env:\n          TITLE: \${{ github.event.pull_request.title }}\n        run: echo "$TITLE for \${{ github.sha }}"\n`);
  if (chance(0.1)) {
    steps.push('      - run: echo "token ${{ secrets.DEPLOY_TOKEN }}"\n');
  }

  if (chance(0.15)) {
    steps.push('      - run: curl -fsSL https://get.example.dev/install.sh | bash\n');
  }

  steps.push('      - run: |\n          dotnet restore\n          dotnet build -c Release\n          dotnet test --no-build\n');
  const permissions = chance(0.5) ? 'permissions:\n  contents: read\n' : '';
  write(`.github/workflows/${svc}.yml`,
    `name: ${svc}\non:\n  push:\n    branches: [main]\n  pull_request:\n  issues:\n    types: [opened]\n${permissions}jobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n${steps.join('')}`);
  truth.workflows++;

  // Dockerfile (multi-stage half of the time)
  const sdk = pick(['mcr.microsoft.com/dotnet/sdk:9.0', 'mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/sdk:latest', 'mcr.microsoft.com/dotnet/sdk:8.0']);
  const runtime = pick(['mcr.microsoft.com/dotnet/aspnet:9.0', 'mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled', 'ubuntu:latest']);
  const unpinned = (img) => !/:[^/]+$/.test(img) || img.endsWith(':latest');
  let docker = `FROM ${sdk} AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\n`;
  truth.unpinnedBaseImages += unpinned(sdk) ? 1 : 0;
  if (chance(0.5)) {
    docker += 'FROM build AS test\nRUN dotnet test\n\n';
    truth.stageReferences++;
  }

  docker += `FROM ${runtime}\n`;
  truth.unpinnedBaseImages += unpinned(runtime) ? 1 : 0;
  if (chance(0.2)) {
    docker += 'RUN apt-get update && apt-get install -y curl && curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -l /vsdbg\n';
  }

  if (chance(0.1)) {
    docker += 'ADD https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.28/grpc_health_probe-linux-amd64 /bin/probe\n';
  }

  docker += 'WORKDIR /app\nCOPY --from=build /app .\n';
  docker += chance(0.5) ? 'EXPOSE 8080\n' : '';
  docker += chance(0.5) ? 'USER app\n' : '';
  docker += `ENTRYPOINT ["dotnet", "${svc}.dll"]\n`;
  write(`services/${svc}/Dockerfile`, docker);
  truth.dockerfiles++;
}

write('truth.json', JSON.stringify(truth, null, 2) + '\n');
console.log(JSON.stringify(truth));
