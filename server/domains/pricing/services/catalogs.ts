/**
 * Each service's catalog data (`<id>/catalog.json`: its name, units and free tier, the sources only it cites,
 * its prices and not-offered claims by Region). Typed against the registry, so a service without its file
 * does not compile; `catalog.ts` assembles them with the shared part into the bundled catalog.
 */

import type { ServiceCatalogFile } from '../catalog.js'
import apigateway from './apigateway/catalog.json' with { type: 'json' }
import apprunner from './apprunner/catalog.json' with { type: 'json' }
import athena from './athena/catalog.json' with { type: 'json' }
import aurora from './aurora/catalog.json' with { type: 'json' }
import bedrock from './bedrock/catalog.json' with { type: 'json' }
import cloudfront from './cloudfront/catalog.json' with { type: 'json' }
import cloudtrail from './cloudtrail/catalog.json' with { type: 'json' }
import cloudwatchLogs from './cloudwatch_logs/catalog.json' with { type: 'json' }
import cognito from './cognito/catalog.json' with { type: 'json' }
import dataTransfer from './data_transfer/catalog.json' with { type: 'json' }
import dynamodb from './dynamodb/catalog.json' with { type: 'json' }
import ec2 from './ec2/catalog.json' with { type: 'json' }
import ecr from './ecr/catalog.json' with { type: 'json' }
import efs from './efs/catalog.json' with { type: 'json' }
import eks from './eks/catalog.json' with { type: 'json' }
import elasticache from './elasticache/catalog.json' with { type: 'json' }
import elb from './elb/catalog.json' with { type: 'json' }
import eventbridge from './eventbridge/catalog.json' with { type: 'json' }
import fargate from './fargate/catalog.json' with { type: 'json' }
import firehose from './firehose/catalog.json' with { type: 'json' }
import glue from './glue/catalog.json' with { type: 'json' }
import kinesis from './kinesis/catalog.json' with { type: 'json' }
import kms from './kms/catalog.json' with { type: 'json' }
import lambda from './lambda/catalog.json' with { type: 'json' }
import memorydb from './memorydb/catalog.json' with { type: 'json' }
import mq from './mq/catalog.json' with { type: 'json' }
import msk from './msk/catalog.json' with { type: 'json' }
import natGateway from './nat_gateway/catalog.json' with { type: 'json' }
import opensearch from './opensearch/catalog.json' with { type: 'json' }
import rds from './rds/catalog.json' with { type: 'json' }
import type { ServiceId } from './registry.js'
import route53 from './route53/catalog.json' with { type: 'json' }
import s3 from './s3/catalog.json' with { type: 'json' }
import secretsmanager from './secretsmanager/catalog.json' with { type: 'json' }
import ses from './ses/catalog.json' with { type: 'json' }
import sns from './sns/catalog.json' with { type: 'json' }
import sqs from './sqs/catalog.json' with { type: 'json' }
import ssm from './ssm/catalog.json' with { type: 'json' }
import stepfunctions from './stepfunctions/catalog.json' with { type: 'json' }
import transitGateway from './transit_gateway/catalog.json' with { type: 'json' }
import vpcEndpoints from './vpc_endpoints/catalog.json' with { type: 'json' }
import waf from './waf/catalog.json' with { type: 'json' }
import xray from './xray/catalog.json' with { type: 'json' }

export const SERVICE_CATALOG_FILES: Record<ServiceId, ServiceCatalogFile> = {
  lambda: lambda as ServiceCatalogFile,
  sqs: sqs as ServiceCatalogFile,
  sns: sns as ServiceCatalogFile,
  s3: s3 as ServiceCatalogFile,
  dynamodb: dynamodb as ServiceCatalogFile,
  apigateway: apigateway as ServiceCatalogFile,
  cloudwatch_logs: cloudwatchLogs as ServiceCatalogFile,
  bedrock: bedrock as ServiceCatalogFile,
  ec2: ec2 as ServiceCatalogFile,
  rds: rds as ServiceCatalogFile,
  aurora: aurora as ServiceCatalogFile,
  fargate: fargate as ServiceCatalogFile,
  data_transfer: dataTransfer as ServiceCatalogFile,
  eventbridge: eventbridge as ServiceCatalogFile,
  nat_gateway: natGateway as ServiceCatalogFile,
  eks: eks as ServiceCatalogFile,
  kms: kms as ServiceCatalogFile,
  route53: route53 as ServiceCatalogFile,
  cloudtrail: cloudtrail as ServiceCatalogFile,
  vpc_endpoints: vpcEndpoints as ServiceCatalogFile,
  transit_gateway: transitGateway as ServiceCatalogFile,
  waf: waf as ServiceCatalogFile,
  ses: ses as ServiceCatalogFile,
  efs: efs as ServiceCatalogFile,
  elb: elb as ServiceCatalogFile,
  cloudfront: cloudfront as ServiceCatalogFile,
  elasticache: elasticache as ServiceCatalogFile,
  cognito: cognito as ServiceCatalogFile,
  ssm: ssm as ServiceCatalogFile,
  xray: xray as ServiceCatalogFile,
  athena: athena as ServiceCatalogFile,
  glue: glue as ServiceCatalogFile,
  opensearch: opensearch as ServiceCatalogFile,
  apprunner: apprunner as ServiceCatalogFile,
  mq: mq as ServiceCatalogFile,
  secretsmanager: secretsmanager as ServiceCatalogFile,
  stepfunctions: stepfunctions as ServiceCatalogFile,
  kinesis: kinesis as ServiceCatalogFile,
  firehose: firehose as ServiceCatalogFile,
  ecr: ecr as ServiceCatalogFile,
  memorydb: memorydb as ServiceCatalogFile,
  msk: msk as ServiceCatalogFile,
}
